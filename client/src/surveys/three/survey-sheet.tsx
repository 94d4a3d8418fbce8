// The survey in a headset: a HUD sheet opened once the server says to ask (and again when a sheet the person opened
// meanwhile is closed), answered with the controller's ray or a pinch (a score per press, then Send or "Not now");
// stored as answered on a headset, in the reader's language. `onDone` once it is closed, or not to be asked.
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../core/languages.ts';
import type { SurveyTarget } from '../../../../core/survey.ts';
import { useStore } from '../../state/use-store.ts';
import { useHud } from '../../xr/hud/hud-context.ts';
import { HudSheet } from '../../xr/hud/hud-panel.tsx';
import { createSurveyStore } from '../survey-store.ts';
import { SURVEY_CLOSE, SURVEY_SEND, SURVEY_SKIP, scoreOf, surveyBlocks } from './survey-blocks.ts';

export const SURVEY_SHEET = 'survey';

export interface SurveySheetProps {
  target: SurveyTarget;
  onDone?: (target: SurveyTarget) => void;
}

export default function SurveySheet({ target, onDone }: SurveySheetProps) {
  const { t, i18n } = useTranslation('survey');
  const { hud } = useHud();
  const sheet = useStore(hud, (state) => state.sheet);
  const survey = useMemo(() => createSurveyStore({ target, device: 'headset', language: () => (i18n.resolvedLanguage ?? 'en') as Language }), [target, i18n]);
  const state = useStore(survey, (s) => s);
  useEffect(() => {
    void survey.check();
    return () => survey.destroy();
  }, [survey]);
  const asking = state.phase === 'asking';
  const free = sheet === null;
  useEffect(() => {
    if (asking) hud.open(SURVEY_SHEET);
  }, [hud, asking]);
  useEffect(() => {
    if (asking && free) hud.open(SURVEY_SHEET);
  }, [hud, asking, free]);
  useEffect(() => () => hud.close(SURVEY_SHEET), [hud]);
  const settled = state.phase === 'hidden' || ((state.phase === 'answered' || state.phase === 'skipped') && free);
  useEffect(() => {
    if (settled) onDone?.(target);
  }, [settled, onDone, target]);

  const blocks = useMemo(() => surveyBlocks(state, target.context, t), [state, target.context, t]);
  if (sheet !== SURVEY_SHEET || state.phase === 'checking' || state.phase === 'hidden') return null;
  const press = (id: string) => {
    const score = scoreOf(id);
    if (score) survey.choose(score.name, score.score);
    else if (id === SURVEY_SEND) void survey.send();
    else if (id === SURVEY_SKIP) void survey.skip();
    else if (id === SURVEY_CLOSE) hud.close(SURVEY_SHEET);
  };
  return <HudSheet id={SURVEY_SHEET} blocks={blocks} onPress={press} />;
}
