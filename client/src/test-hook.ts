// A read-only window of app state for automated browser tests; only exists when the browser is driven by automation.
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
  orders: Array<{ id: string; number: string; status: string; sessionId: string | null; totalCents: number }>;
  /** The agent's latest proposal shown by the proposed-cart panel. */
  proposal: { sessionId: string; seq: number; items: Array<{ sku: string; quantity: number }>; orderId: string | null } | null;
}

export interface TestState {
  ar: ArTestState;
  viewer: ViewerTestState;
  orders: OrdersTestState;
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
  orders: { partCard: null, cartCount: 0, cartLines: [], orders: [], proposal: null },
  assist: initialAssistTestState,
};

const enabled = typeof navigator !== 'undefined' && navigator.webdriver === true;

if (enabled) {
  Object.defineProperty(window, '__xrAssist', {
    configurable: false,
    get: () => structuredClone(state),
  });
}

/** Records what a test may read; a no-op for real users. */
export function publishTestState<K extends keyof TestState>(key: K, patch: Partial<TestState[K]>): void {
  if (!enabled) return;
  state[key] = { ...(state[key] as object), ...(patch as object) } as TestState[K];
}
