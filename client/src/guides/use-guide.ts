// React bindings of a guide: the progress store's state, the derived step view, and the shared UI state.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../core/languages.ts';
import { useStore } from '../state/use-store.ts';
import type { GuideController, GuideUiState } from './guide-controller.ts';
import type { GuideProgressState, GuideProgressStore } from './guide-progress-store.ts';
import { guideView, type GuideView } from './guide-view-model.ts';

export interface GuideBinding {
  state: GuideProgressState;
  view: GuideView | null;
  ui: GuideUiState;
  language: Language;
}

export function useGuide(progress: GuideProgressStore, controller: GuideController): GuideBinding {
  const { i18n } = useTranslation();
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const state = useStore(progress, (value) => value);
  const ui = useStore(controller.ui, (value) => value);
  const view = useMemo(() => (state.guide && state.progress ? guideView(state.guide, state.progress) : null), [state.guide, state.progress]);
  return { state, view, ui, language };
}
