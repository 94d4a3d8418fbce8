// Publishes app state for automated browser tests; the state module is downloaded only when automation drives the browser.
import type { TestState } from './test-state.ts';

export type * from './test-state.ts';

let apply: (<K extends keyof TestState>(key: K, patch: Partial<TestState[K]>) => void) | undefined;

/** Call before the first render: in a browser driven by automation it loads `window.__xrAssist`. */
export async function loadTestHook(): Promise<void> {
  if (typeof navigator === 'undefined' || navigator.webdriver !== true) return;
  apply = (await import('./test-state.ts')).applyTestState;
}

/** Records what a test may read; a no-op for real users. */
export function publishTestState<K extends keyof TestState>(key: K, patch: Partial<TestState[K]>): void {
  apply?.(key, patch);
}
