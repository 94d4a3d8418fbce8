// Live help as tests see it: the requester's help in the page's session, the annotations each canvas draws, the agent
// console, the agent's twin (its camera, the placed product, the requester's head and hands) and the call.
import type { Object3D } from 'three';
import type { Annotation } from '../../../core/annotation.ts';
import type { AgentTab } from '../agent/agent-console-store.ts';
import type { CallAudioStats } from '../call/call-stats.ts';
import type { CallController } from '../call/call-controller.ts';
import type { AssistTestState, PoseTestState, SceneTestState } from './test-state-shape.ts';
import { canvases, canvasOf, lazily, newest } from './exposed.ts';
import { findObjects, matrixWorld, worldPoint, worldPose } from './scene-reading.ts';

const helpModule = lazily(() => import('../help/help-store.ts'));
const reducerModule = lazily(() => import('../sessions/session-reducer.ts'));
const STATS_EVERY_MS = 1000;

export function readAssist(): AssistTestState {
  return { help: readHelp(), scenes: readScenes(), console: readConsole(), twin: readTwin(), call: readCall() };
}

function readHelp(): AssistTestState['help'] {
  const session = newest('session');
  const help = session?.peek('help');
  if (!session || !help) return null;
  const helpStore = helpModule();
  const reducer = reducerModule();
  if (!helpStore || !reducer) return null;
  const mirror = session.mirror.getState();
  const request = help.getState();
  return {
    sessionId: session.sessionId,
    phase: helpStore.helpPhase(mirror, request),
    position: request.position?.position ?? null,
    estimatedWaitSeconds: request.position?.estimatedWaitSeconds ?? null,
    noAgentOnline: request.noAgentOnline,
    agentName: mirror.session ? (reducer.activeAgent(mirror.session)?.name ?? null) : null,
    pushedStepId: mirror.pushedStep?.stepId ?? null,
  };
}

function readScenes(): AssistTestState['scenes'] {
  const scenes: AssistTestState['scenes'] = {};
  for (const { view, state } of canvases()) {
    const layer = state.scene.getObjectByName('annotation-layer');
    if (layer) scenes[view] = readAnnotations(state.scene, layer);
  }
  return scenes;
}

function readAnnotations(scene: Object3D, layer: Object3D): SceneTestState {
  const marks = findObjects(scene, (object) => object.name.startsWith('annotation:'));
  const items = marks.flatMap((mark) => {
    const annotation = (mark.userData as { annotation?: Annotation }).annotation;
    if (!annotation) return [];
    return [{ id: annotation.id, kind: annotation.kind, partId: annotation.partId, localPoint: annotation.localPoint, world: worldPoint(mark, [0, 0, 0]) }];
  });
  const { highlightedPartId = null, pingedPartId = null } = layer.userData as Partial<Pick<SceneTestState, 'highlightedPartId' | 'pingedPartId'>>;
  return { items, highlightedPartId, pingedPartId };
}

function selectedTab(): AgentTab | null {
  const state = newest('agentConsole')?.getState();
  return state?.tabs.find((tab) => tab.sessionId === state.selected) ?? null;
}

function readConsole(): AssistTestState['console'] {
  const agentConsole = newest('agentConsole')?.getState();
  if (!agentConsole) return null;
  return {
    queue: agentConsole.queue.map(({ requestId, sessionId, productId }) => ({ requestId, sessionId, productId })),
    callbacks: newest('callbackBoard')?.getState().callbacks.map((callback) => callback.id) ?? [],
    tabs: agentConsole.tabs.map((tab) => tab.sessionId),
    selected: agentConsole.selected,
  };
}

function poseOf(object: Object3D | undefined): PoseTestState | null {
  if (!object?.visible) return null;
  const { position, quaternion } = worldPose(object);
  return { position, quaternion };
}

function readTwin(): AssistTestState['twin'] {
  const canvas = canvasOf('twin');
  const tab = selectedTab();
  const product = canvas?.scene.getObjectByName('twin-product');
  if (!canvas || !tab || !product) return null;
  const { camera, gl, scene } = canvas;
  const rect = gl.domElement.getBoundingClientRect();
  camera.updateMatrixWorld();
  return {
    sessionId: tab.sessionId,
    frames: gl.info.render.frame,
    canvas: { left: rect.left, top: rect.top, width: rect.width, height: rect.height },
    cameraMatrixWorld: [...camera.matrixWorld.elements],
    projectionMatrix: [...camera.projectionMatrix.elements],
    productMatrixWorld: matrixWorld(product),
    head: poseOf(scene.getObjectByName('requester-head')),
    left: poseOf(scene.getObjectByName('requester-left')),
    right: poseOf(scene.getObjectByName('requester-right')),
    poseFramesReceived: tab.poses.received,
    snapped: newest('twinUi')?.getState().snapped ?? false,
  };
}

/** The call on screen: the agent's selected tab's, else the page session's. */
function currentCall(): CallController | null {
  const tab = selectedTab();
  return (tab ? tab.session.peek('call') : newest('session')?.peek('call')) ?? null;
}

/** The last audio counters read from each call's connection, refreshed every second while a call is on screen. */
const stats = new WeakMap<CallController, CallAudioStats>();
let polling: ReturnType<typeof setInterval> | null = null;

function pollStats(): void {
  polling ??= setInterval(() => {
    const call = currentCall();
    void call?.readStats().then((read) => read && stats.set(call, read), () => undefined);
  }, STATS_EVERY_MS);
}

function readCall(): AssistTestState['call'] {
  const call = currentCall();
  if (!call) return null;
  pollStats();
  const { phase, callId, muted, remoteMuted, iceState } = call.getState();
  const counters = stats.get(call);
  return {
    phase,
    callId,
    muted,
    remoteMuted,
    iceState,
    inboundAudioBytes: counters?.inboundAudioBytes ?? 0,
    outboundAudioBytes: counters?.outboundAudioBytes ?? 0,
    inboundAudioLevel: counters?.inboundAudioLevel ?? null,
  };
}
