// The headset's surveys, one sheet at a time: of the contexts a page hands over (most pressing first), the first not yet
// settled in this AR session is asked; once it is closed (or the server says not to ask) the next one is.
import { useCallback, useState } from 'react';
import type { SurveyTarget } from '../../../../core/survey.ts';
import SurveySheet from './survey-sheet.tsx';

const keyOf = (target: SurveyTarget) => `${target.context}:${target.contextId}`;

export default function HudSurveys({ targets }: { targets: ReadonlyArray<SurveyTarget | null> }) {
  const [settled, setSettled] = useState<ReadonlySet<string>>(() => new Set());
  const onDone = useCallback((target: SurveyTarget) => setSettled((done) => (done.has(keyOf(target)) ? done : new Set(done).add(keyOf(target)))), []);
  const next = targets.find((target): target is SurveyTarget => target !== null && !settled.has(keyOf(target)));
  return next ? <SurveySheet key={keyOf(next)} target={next} onDone={onDone} /> : null;
}
