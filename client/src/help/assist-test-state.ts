// The shape of the live-help part of the read-only test hook (window.__xrAssist.assist).
type Vec3 = [number, number, number];
type Quat = [number, number, number, number];

export interface PoseTestState {
  position: Vec3;
  quaternion: Quat;
}

export interface SceneTestState {
  items: Array<{ id: string; kind: string; partId: string; localPoint: Vec3; world: Vec3 }>;
  highlightedPartId: string | null;
  pingedPartId: string | null;
}

export interface AssistTestState {
  /** The requester's help panel. */
  help: {
    sessionId: string | null;
    phase: string;
    position: number | null;
    estimatedWaitSeconds: number | null;
    noAgentOnline: boolean;
    agentName: string | null;
    pushedStepId: string | null;
    /** Pose frames sent and the last head pose sent (world). */
    poseFramesSent: number;
    lastHead: PoseTestState | null;
    placementsSent: number;
  } | null;
  /** Annotations drawn by each 3D view of this page ('ar', 'inline', 'twin'), with their world position. */
  scenes: Record<string, SceneTestState>;
  /** The agent console. */
  console: { queue: Array<{ requestId: string; sessionId: string; productId: string }>; callbacks: string[]; tabs: string[]; selected: string | null } | null;
  /** The agent's twin view: its camera (to compute where to click), the placed product and the requester's poses. */
  twin: {
    sessionId: string;
    frames: number;
    canvas: { left: number; top: number; width: number; height: number };
    cameraMatrixWorld: number[];
    projectionMatrix: number[];
    productMatrixWorld: number[];
    head: PoseTestState | null;
    left: PoseTestState | null;
    right: PoseTestState | null;
    poseFramesReceived: number;
    snapped: boolean;
  } | null;
  call: {
    phase: string;
    callId: string | null;
    muted: boolean;
    remoteMuted: boolean;
    iceState: string | null;
    inboundAudioBytes: number;
    outboundAudioBytes: number;
    inboundAudioLevel: number | null;
  } | null;
}

export const initialAssistTestState: AssistTestState = { help: null, scenes: {}, console: null, twin: null, call: null };
