// A guide's progress kept only on this page, for an author's preview: the same engine and the same store shape as a
// session's progress (so the runner, the 3D step panel and the keyboard work unchanged), nothing sent or stored.
import { createStore } from 'zustand/vanilla';
import { applyGuideAction, startGuide, type GuideAction } from '../../../core/guide-engine.ts';
import type { Guide } from '../../../core/guide.ts';
import type { GuideProgressState, GuideProgressStore } from './guide-progress-store.ts';

/** Starts `guide` at `stepId` (its first step when absent or unknown). */
export function createPreviewProgressStore(guide: Guide, stepId?: string | null): GuideProgressStore {
  const start = startGuide(guide);
  const at = stepId && guide.steps.some((step) => step.id === stepId) ? { ...start, currentStepId: stepId, history: [stepId] } : start;
  const store = createStore<GuideProgressState>(() => ({
    phase: 'ready',
    guide,
    version: null,
    confirmed: at,
    progress: at,
    pending: 0,
    online: true,
    refused: false,
    error: null,
  }));
  return {
    getState: store.getState,
    subscribe: store.subscribe,
    start: () => Promise.resolve(),
    dispatch(actions: readonly GuideAction[]): boolean {
      let progress = store.getState().progress ?? start;
      for (const action of actions) {
        const result = applyGuideAction(guide, progress, action);
        if (!result.ok) return false;
        progress = result.progress;
      }
      store.setState({ progress, confirmed: progress });
      return true;
    },
    refresh: () => Promise.resolve(),
    destroy() {},
  };
}
