// The person's commands on a guide (next, back, repeat, acknowledge, answer, measure) over its progress store, plus the
// little UI state every view of the step shares: the measurement being typed and the last refusal to explain.
import { createStore } from 'zustand/vanilla';
import type { GuideRefusalReason } from '../../../core/guide-engine.ts';
import type { Language } from '../../../core/languages.ts';
import { guideView, parseMeasurement, planNext, type GuideView } from './guide-view-model.ts';
import type { GuideProgressStore } from './guide-progress-store.ts';
import { speak, stepSpeech } from './guide-speech.ts';

export interface GuideUiState {
  /** The measurement being typed (DOM field or 3D keypad), for the step it was typed on. */
  draft: { stepId: string; text: string } | null;
  /** Why the last Next did nothing, until the step or the progress changes. */
  blocked: GuideRefusalReason | null;
  spoken: string | null;
}

export function createGuideController(progress: GuideProgressStore) {
  const ui = createStore<GuideUiState>(() => ({ draft: null, blocked: null, spoken: null }));
  const offProgress = progress.subscribe((state, previous) => {
    if (state.progress !== previous.progress) ui.setState({ blocked: null });
  });

  const current = (): { view: GuideView; stepId: string | null } | null => {
    const { guide, progress: value } = progress.getState();
    if (!guide || !value) return null;
    const view = guideView(guide, value);
    return view ? { view, stepId: view.finished ? null : view.current.step.id } : null;
  };

  const draftValue = (stepId: string | null): number | null => {
    const { draft } = ui.getState();
    return draft && draft.stepId === stepId ? parseMeasurement(draft.text) : null;
  };

  return {
    ui,
    /** Leaves the step the way the guide says; on a "confirm" step this is the confirmation. */
    next(): boolean {
      const { guide, progress: value } = progress.getState();
      const now = current();
      if (!guide || !value || !now) return false;
      const plan = planNext(guide, value, draftValue(now.stepId));
      if (!plan.ok) {
        ui.setState({ blocked: plan.reason });
        return false;
      }
      const sent = progress.dispatch(plan.actions);
      if (sent) ui.setState({ draft: null, blocked: null });
      return sent;
    },
    back(): boolean {
      return progress.dispatch([{ type: 'back' }]);
    },
    acknowledge(warningIndex: number): boolean {
      const stepId = current()?.stepId;
      return stepId ? progress.dispatch([{ type: 'acknowledge', stepId, warningIndex }]) : false;
    },
    answer(answerId: string): boolean {
      const stepId = current()?.stepId;
      return stepId ? progress.dispatch([{ type: 'answer', stepId, answerId }]) : false;
    },
    setDraft(text: string): void {
      const stepId = current()?.stepId;
      if (stepId) ui.setState({ draft: { stepId, text }, blocked: null });
    },
    /** Records the typed measurement now (it is also recorded by Next), so a reload keeps it. */
    recordDraft(): boolean {
      const now = current();
      const value = draftValue(now?.stepId ?? null);
      if (!now?.stepId || value === null || (!now.view.finished && now.view.current.measurement === value)) return false;
      return progress.dispatch([{ type: 'measure', stepId: now.stepId, value }]);
    },
    repeat(language: Language): string | null {
      const now = current();
      if (!now || now.view.finished) return null;
      const text = stepSpeech(now.view.current.step, language);
      speak(text, language);
      ui.setState({ spoken: text });
      return text;
    },
    destroy() {
      offProgress();
    },
  };
}

export type GuideController = ReturnType<typeof createGuideController>;
