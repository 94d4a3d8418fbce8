// The read-only window of app state that automated browser tests read; loaded only in a browser driven by automation.
import { initialAssistTestState, type AssistTestState } from './help/assist-test-state.ts';

export interface ArTestState {
  sessionActive: boolean;
  mode: string | null;
  enabledFeatures: string[];
  frames: number;
  reticleVisible: boolean;
  reticleSurface: 'floor' | 'wall' | null;
  /** World position of the reticle while it shows. */
  reticlePosition: [number, number, number] | null;
  placed: boolean;
  anchored: boolean;
  surface: 'floor' | 'wall' | null;
  /** Column-major world matrix of the placed product root. */
  productMatrixWorld: number[] | null;
  productWorldScale: [number, number, number] | null;
  error: string | null;
}

export interface ViewerTestState {
  productId: string | null;
  modelLoaded: boolean;
  frames: number;
  drawCalls: number;
  triangles: number;
  variant: string | null;
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
  /** The agent's latest proposal shown by the proposed-cart panel. */
  proposal: { sessionId: string; seq: number; items: Array<{ sku: string; quantity: number }>; orderId: string | null } | null;
}

export interface GuideButtonTestState {
  id: string;
  enabled: boolean;
  /** World position of the button's centre on the 3D panel. */
  position: [number, number, number];
}

export interface GuideTestState {
  sessionId: string | null;
  guideId: string | null;
  stepId: string | null;
  /** 1-based position of the step in the guide and the guide's step count. */
  stepNumber: number;
  stepCount: number;
  finished: boolean;
  /** Part ids the scene currently highlights (what is drawn, not what the step asks). */
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
  /** The 3D step panel in AR: its step, its buttons' world positions and its facing direction. */
  panel: { stepId: string | null; hovered: string | null; buttons: GuideButtonTestState[]; normal: [number, number, number] } | null;
  alignment: {
    phase: string;
    nextLandmarkId: string | null;
    collected: number;
    total: number;
    rmsError: number | null;
    transform: { position: [number, number, number]; quaternion: [number, number, number, number] } | null;
    saved: boolean;
    source: string | null;
  };
}

export interface TestState {
  ar: ArTestState;
  viewer: ViewerTestState;
  orders: OrdersTestState;
  guide: GuideTestState;
  assist: AssistTestState;
  [feature: string]: unknown;
}

const state: TestState = {
  ar: {
    sessionActive: false,
    mode: null,
    enabledFeatures: [],
    frames: 0,
    reticleVisible: false,
    reticleSurface: null,
    reticlePosition: null,
    placed: false,
    anchored: false,
    surface: null,
    productMatrixWorld: null,
    productWorldScale: null,
    error: null,
  },
  viewer: { productId: null, modelLoaded: false, frames: 0, drawCalls: 0, triangles: 0, variant: null },
  orders: { partCard: null, cartCount: 0, cartLines: [], cartPending: 0, cartOnline: false, orders: [], proposal: null },
  guide: {
    sessionId: null,
    guideId: null,
    stepId: null,
    stepNumber: 0,
    stepCount: 0,
    finished: false,
    highlightedPartIds: [],
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
    panel: null,
    alignment: { phase: 'idle', nextLandmarkId: null, collected: 0, total: 0, rmsError: null, transform: null, saved: false, source: null },
  },
  assist: initialAssistTestState,
};

Object.defineProperty(window, '__xrAssist', {
  configurable: false,
  get: () => structuredClone(state),
});

export function applyTestState<K extends keyof TestState>(key: K, patch: Partial<TestState[K]>): void {
  state[key] = { ...(state[key] as object), ...(patch as object) } as TestState[K];
}
