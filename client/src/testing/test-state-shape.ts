// The shape of the read-only window of app state (`window.__xrAssist`) that automated browser tests read.
export type Vec3 = [number, number, number];
export type Quat = [number, number, number, number];

export interface ArTestState {
  sessionActive: boolean;
  mode: string | null;
  enabledFeatures: string[];
  /** Frames the AR canvas has drawn. */
  frames: number;
  reticleVisible: boolean;
  reticleSurface: 'floor' | 'wall' | null;
  /** World position of the reticle while it shows. */
  reticlePosition: Vec3 | null;
  placed: boolean;
  anchored: boolean;
  surface: 'floor' | 'wall' | null;
  /** Column-major world matrix of the placed product root. */
  productMatrixWorld: number[] | null;
  productWorldScale: Vec3 | null;
  /** Width, height and depth (world metres) of the placed product, measured along its own axes. */
  productWorldSize: Vec3 | null;
  error: string | null;
  /** The DOM overlay the session was granted ('screen' on phones), null on headsets. */
  domOverlay: string | null;
  /** Draw calls of the AR canvas's last frame. */
  drawCalls: number;
  /** The headset HUD (sessions without a DOM overlay): the sheet open and each panel's buttons in the world. */
  hud: HudTestState | null;
}

export interface HudPanelTestState {
  /** `tray` or the sheet's id. */
  id: string;
  /** Its words besides the buttons (titles, texts, notes), in order. */
  texts: string[];
  buttons: Array<GuideButtonTestState & { label: string }>;
  /** The panel's facing (its +Z) in the world: aim at a button from this side. */
  normal: Vec3;
  /**
   * Where the panel's corners fall in the view the headset shows (the XR view camera; the page's canvas under the
   * emulator), in normalised device coordinates: fully in view when every edge is within -1…1. Null outside XR.
   */
  inView: { left: number; right: number; bottom: number; top: number } | null;
}

export interface HudTestState {
  sheet: string | null;
  tray: HudPanelTestState | null;
  /** The sheet on show, once painted. */
  shown: HudPanelTestState | null;
}

export interface ViewerTestState {
  productId: string | null;
  modelLoaded: boolean;
  frames: number;
  drawCalls: number;
  triangles: number;
  /** Width, height and depth (world metres) of the product model in the inline view, along its own axes. */
  modelSize: Vec3 | null;
  /** The inline view's camera and the product's placement, to compute where to click on a part. */
  view: InlineViewTestState | null;
}

export interface InlineViewTestState {
  productId: string;
  frames: number;
  canvas: { left: number; top: number; width: number; height: number };
  cameraMatrixWorld: number[];
  projectionMatrix: number[];
  productMatrixWorld: number[];
}

export interface StudioTestState {
  /** Whether Studio's 3D view shows a draft's model. */
  ready: boolean;
  /** For each node of the draft model that has meshes: up to four page points (CSS pixels) where a click lands on it. */
  aims: Record<string, Array<{ x: number; y: number }>>;
  /** The product's 3D view beside the guide editor: its camera and the product's placement, to compute where to click. */
  productView: InlineViewTestState | null;
}

export interface OrdersTestState {
  /** The part card on screen, if any. */
  partCard: { partId: string; sku: string; stock: number; inAr: boolean } | null;
  cartCount: number;
  cartLines: Array<{ sku: string; quantity: number }>;
  /** Cart changes the server has not answered yet, and whether the cart store sees the connection as online. */
  cartPending: number;
  cartOnline: boolean;
  orders: Array<{ id: string; number: string; status: string; sessionId: string | null; totalCents: number }>;
  /** The agent's latest proposal in the page's session, and the order linked after it. */
  proposal: { sessionId: string; seq: number; items: Array<{ sku: string; quantity: number }>; orderId: string | null } | null;
}

export interface GuideButtonTestState {
  id: string;
  enabled: boolean;
  /** World position of the button's centre on the 3D panel. */
  position: Vec3;
}

export interface GuideTestState {
  sessionId: string | null;
  guideId: string | null;
  stepId: string | null;
  /** 1-based position of the step in the guide and the guide's step count. */
  stepNumber: number;
  stepCount: number;
  finished: boolean;
  /** The step's parts the scene really lights (what is drawn, not what the step asks). */
  highlightedPartIds: string[];
  /** Why `next` cannot leave the step yet, as the guide engine says; null when it can. */
  blockedReason: string | null;
  nextEnabled: boolean;
  /** Why the last Next press did nothing (shown to the person), until the progress changes. */
  refusedNext: string | null;
  /** The measurement being typed for the current step. */
  draft: string | null;
  answers: Record<string, string>;
  measurements: Record<string, number>;
  acknowledgedWarnings: number[];
  /** Actions waiting to be sent, and the sync state shown to the person. */
  pending: number;
  sync: string;
  lastSpoken: string | null;
  /** The page's voice commands (null without a guide page): whether speech can be recognised and is being listened to. */
  voice: { available: boolean; listening: boolean; error: string | null } | null;
  /** The 3D step panel in AR: its step, its buttons' world positions and its facing direction. */
  panel: { stepId: string | null; hovered: string | null; buttons: GuideButtonTestState[]; normal: Vec3; images: number } | null;
  alignment: {
    phase: string;
    nextLandmarkId: string | null;
    collected: number;
    total: number;
    rmsError: number | null;
    transform: { position: Vec3; quaternion: Quat } | null;
    saved: boolean;
    source: string | null;
    /** The alignment's 3D panel in AR (what to touch next, a bad fit, align again): its words and buttons. */
    panel: HudPanelTestState | null;
  };
}

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
  /** The requester's help in the page's session. */
  help: {
    sessionId: string;
    phase: string;
    position: number | null;
    estimatedWaitSeconds: number | null;
    noAgentOnline: boolean;
    agentName: string | null;
    pushedStepId: string | null;
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
  /** The call of the page's session (the agent: of the selected tab), with the audio counters of its connection. */
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

export interface TestState {
  ar: ArTestState;
  viewer: ViewerTestState;
  orders: OrdersTestState;
  guide: GuideTestState;
  assist: AssistTestState;
  studio: StudioTestState;
}
