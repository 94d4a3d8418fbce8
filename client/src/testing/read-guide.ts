// The guide as tests see it: the step, what blocks Next, the answers and measurements, the sync state, the parts the
// scene lights, the 3D step panel's buttons in the world, the landmark alignment and the page's voice commands.
import type { Mesh, Object3D, PlaneGeometry } from 'three';
import type { GuidePanelTag } from '../guides/three/guide-panel-3d.tsx';
import type { GuideTestState } from './test-state-shape.ts';
import { canvasOf, lazily, newest } from './exposed.ts';
import { findObjects, worldFacing, worldPoint } from './scene-reading.ts';
import { readPanel as readTaggedPanel } from './read-hud.ts';

const viewModel = lazily(() => import('../guides/guide-view-model.ts'));

const HIGHLIGHT = 'part-highlight:';

const NO_ALIGNMENT: GuideTestState['alignment'] = { phase: 'idle', nextLandmarkId: null, collected: 0, total: 0, rmsError: null, transform: null, saved: false, source: null, panel: null };

const NO_GUIDE: Omit<GuideTestState, 'highlightedPartIds' | 'panel' | 'alignment' | 'voice'> = {
  sessionId: null,
  guideId: null,
  stepId: null,
  stepNumber: 0,
  stepCount: 0,
  finished: false,
  blockedReason: null,
  nextEnabled: false,
  refusedNext: null,
  draft: null,
  answers: {},
  measurements: {},
  acknowledgedWarnings: [],
  pending: 0,
  sync: 'synced',
  lastSpoken: null,
};

export function readGuide(): GuideTestState {
  const scene = (canvasOf('ar') ?? canvasOf('inline'))?.scene ?? null;
  const guide = readProgress();
  const lit = new Set(scene ? findObjects(scene, (object) => object.name.startsWith(HIGHLIGHT)).map((shell) => shell.name.slice(HIGHLIGHT.length)) : []);
  const voice = newest('voice')?.getState() ?? null;
  return {
    ...guide.state,
    highlightedPartIds: guide.targets.filter((partId) => lit.has(partId)),
    panel: scene ? readPanel(scene) : null,
    alignment: readAlignment(scene),
    voice: voice && { available: voice.available, listening: voice.listening, error: voice.error },
  };
}

function readProgress(): { state: typeof NO_GUIDE; targets: readonly string[] } {
  const exposed = newest('guide');
  const model = exposed && viewModel();
  if (!exposed || !model) return { state: NO_GUIDE, targets: [] };
  const { guide, progress, pending, online } = exposed.progress.getState();
  const { draft, spoken, blocked } = exposed.controller.ui.getState();
  const view = guide && progress ? model.guideView(guide, progress) : null;
  const current = view && !view.finished ? view.current : null;
  const typed = draft && current && draft.stepId === current.step.id ? draft.text : null;
  const plan = guide && progress ? model.planNext(guide, progress, typed === null ? null : model.parseMeasurement(typed)) : null;
  const state = {
    sessionId: exposed.sessionId,
    guideId: guide?.id ?? null,
    stepId: current?.step.id ?? null,
    stepNumber: current ? current.index + 1 : 0,
    stepCount: guide?.steps.length ?? 0,
    finished: view?.finished ?? false,
    blockedReason: current?.blocked ?? null,
    nextEnabled: plan?.ok ?? false,
    refusedNext: blocked,
    draft: typed,
    answers: { ...(progress?.answers ?? {}) },
    measurements: Object.fromEntries(Object.entries(progress?.measurements ?? {}).map(([stepId, recorded]) => [stepId, recorded.value])),
    acknowledgedWarnings: current ? current.acknowledged.flatMap((done, index) => (done ? [index] : [])) : [],
    pending,
    sync: model.syncStateOf(online, pending),
    lastSpoken: spoken,
  };
  return { state, targets: current?.step.targetPartIds ?? [] };
}

/** The panel's buttons: their centres on the painted layout, placed on the panel's plane and taken to the world. */
function readPanel(scene: Object3D): GuideTestState['panel'] {
  const group = scene.getObjectByName('guide-panel');
  const surface = group?.getObjectByName('guide-panel-surface') as Mesh<PlaneGeometry> | undefined;
  const tag = group?.userData as Partial<GuidePanelTag> | undefined;
  if (!group || !surface || !tag?.layout) return null;
  const { layout } = tag;
  const { width, height } = surface.geometry.parameters;
  const buttons = layout.buttons.map((rect) => ({
    id: rect.button.id,
    enabled: rect.button.enabled,
    position: worldPoint(group, [((rect.x + rect.width / 2) / layout.width - 0.5) * width, (0.5 - (rect.y + rect.height / 2) / layout.height) * height, 0]),
  }));
  return { stepId: tag.stepId ?? null, hovered: tag.hovered ?? null, buttons, normal: worldFacing(group), images: layout.images };
}

function readAlignment(scene: Object3D | null): GuideTestState['alignment'] {
  const alignment = newest('alignment');
  if (!alignment) return NO_ALIGNMENT;
  const state = alignment.getState();
  return {
    phase: state.phase,
    nextLandmarkId: alignment.nextLandmark()?.id ?? null,
    collected: state.points.length,
    total: alignment.landmarks.length,
    rmsError: state.result?.rmsError ?? null,
    transform: state.result ? { position: [...state.result.transform.position], quaternion: [...state.result.transform.quaternion] } : null,
    saved: state.phase === 'saved',
    source: state.source,
    panel: scene ? readTaggedPanel(scene.getObjectByName('alignment-panel')) : null,
  };
}

