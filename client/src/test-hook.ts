// The one seam between the app and its automated tests: in a browser driven by automation, main.tsx loads the read-only
// test window (testing/test-state.ts) before the first render; visitors never download it.
export type * from './testing/test-state-shape.ts';

export async function loadTestHook(): Promise<void> {
  if (typeof navigator === 'undefined' || navigator.webdriver !== true) return;
  await import('./testing/test-state.ts');
}
