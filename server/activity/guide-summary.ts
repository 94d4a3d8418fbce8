// What the timeline shows of a stored guide version: its title, its steps in order, and how many a run has done.
import type { LocalizedText } from '../../core/i18n.ts';

export interface GuideSummary {
  title: LocalizedText;
  steps: Array<{ id: string; title: LocalizedText }>;
  /** Distinct steps visited and left behind (the current step is not done yet). */
  stepsDone(progressJson: string): number;
}

interface StoredGuide {
  title: LocalizedText;
  steps: Array<{ id: string; title: LocalizedText }>;
}

export function guideSummary(json: string): GuideSummary {
  const guide = JSON.parse(json) as StoredGuide;
  return {
    title: guide.title,
    steps: guide.steps.map(({ id, title }) => ({ id, title })),
    stepsDone(progressJson) {
      const progress = JSON.parse(progressJson) as { currentStepId: string | null; history: string[] };
      return new Set(progress.history.filter((step) => step !== progress.currentStepId)).size;
    },
  };
}
