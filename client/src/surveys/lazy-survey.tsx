// The 2D survey for pages that show one at the end of something: its code and `survey` translations load only when shown.
import { lazy, Suspense } from 'react';
import type { SurveyTarget } from '../../../core/survey.ts';
import { loadNamespace } from '../i18n/i18n.ts';

const SurveyForm = lazy(() => Promise.all([import('./survey-form.tsx'), loadNamespace('survey')]).then(([module]) => module));

export function LazySurvey({ target }: { target: SurveyTarget }) {
  return (
    <Suspense fallback={null}>
      <SurveyForm target={target} />
    </Suspense>
  );
}
