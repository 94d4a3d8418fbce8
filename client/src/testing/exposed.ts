// What the test window reads from the app: the newest thing exposed under a name, the state of the canvas that draws a
// view, and feature modules it needs to derive values, loaded only once the page has loaded them itself.
import { observed, type ObservableName, type Observables } from '../observe/registry.ts';
import type { CanvasState, CanvasView } from '../three/observed-canvas.ts';

export function newest<K extends ObservableName>(name: K): Observables[K] | null {
  return observed(name).at(-1) ?? null;
}

export function canvasOf(view: CanvasView): CanvasState | null {
  return observed('canvas').findLast((canvas) => canvas.view === view)?.state() ?? null;
}

export function canvases(): ReadonlyArray<{ view: CanvasView; state: CanvasState }> {
  return observed('canvas').map((canvas) => ({ view: canvas.view, state: canvas.state() }));
}

/**
 * A module imported the first time it is asked for, null until it has arrived. Feature modules are imported this way
 * (never statically), and asked for only once the page shows what they read, so that the test window never changes
 * what a page downloads.
 */
export function lazily<T>(load: () => Promise<T>): () => T | null {
  let module: T | null = null;
  let loading: Promise<unknown> | null = null;
  return () => {
    loading ??= load().then((loaded) => (module = loaded));
    return module;
  };
}
