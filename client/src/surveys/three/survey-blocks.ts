// What the headset's survey sheet shows: each score question as a row of number buttons (the chosen one lit), the
// meaning of the scale's ends, Send and "Not now"; then the thanks (or the skip) with Close.
import type { TFunction } from 'i18next';
import { CES_SCORES, CSAT_SCORES, NPS_SCORES, type SurveyContext } from '../../../../core/survey.ts';
import { errorText } from '../../i18n/error-text.ts';
import type { PanelBlock, PanelButton } from '../../three/panel-layout.ts';
import type { ScoreName, SurveyState } from '../survey-store.ts';

export const SURVEY_SEND = 'survey:send';
export const SURVEY_SKIP = 'survey:skip';
export const SURVEY_CLOSE = 'survey:close';

/** The button id of a score, e.g. `csat:4`; `scoreOf` reads it back. */
export const scoreButton = (name: ScoreName, score: number) => `${name}:${score}`;

export function scoreOf(id: string): { name: ScoreName; score: number } | null {
  const match = /^(csat|ces|nps):(\d+)$/.exec(id);
  return match ? { name: match[1] as ScoreName, score: Number(match[2]) } : null;
}

function question(state: SurveyState, name: ScoreName, scores: readonly number[], columns: number, text: string, low: string, high: string, t: TFunction<'survey'>): PanelBlock[] {
  const sending = state.phase === 'sending';
  const buttons = scores.map((score): PanelButton => {
    const chosen = state.scores[name] === score;
    return { id: scoreButton(name, score), label: chosen ? `✓ ${score}` : String(score), enabled: !sending, tone: chosen ? 'done' : 'normal' };
  });
  return [
    { kind: 'text', size: 'small', segments: [{ text, bold: true }] },
    { kind: 'buttons', columns, height: 80, buttons },
    { kind: 'note', tone: 'info', text: t('hud.ends', { low: scores[0], lowText: low, high: scores.at(-1), highText: high }) },
  ];
}

export function surveyBlocks(state: SurveyState, context: SurveyContext, t: TFunction<'survey'>): PanelBlock[] {
  if (state.phase === 'answered' || state.phase === 'skipped') {
    return [
      { kind: 'title', text: t('title') },
      { kind: 'text', segments: [{ text: t(state.phase === 'answered' ? 'thanks' : 'skipped'), bold: false }] },
      { kind: 'buttons', columns: 1, buttons: [{ id: SURVEY_CLOSE, label: t('hud.close'), enabled: true }] },
    ];
  }
  const sending = state.phase === 'sending';
  const problem = state.empty ? t('hud.empty') : state.error ? errorText(state.error) : null;
  return [
    { kind: 'title', text: t('title') },
    ...question(state, 'csat', CSAT_SCORES, 5, t(`csat.question.${context}`), t('csat.level1'), t('csat.level5'), t),
    ...question(state, 'ces', CES_SCORES, 7, t(`ces.question.${context}`), t('ces.low'), t('ces.high'), t),
    ...(state.includeNps ? question(state, 'nps', NPS_SCORES, 6, t('nps.question'), t('nps.low'), t('nps.high'), t) : []),
    ...(problem ? [{ kind: 'note', tone: 'warn', text: problem } as const] : []),
    {
      kind: 'buttons',
      columns: 2,
      buttons: [
        { id: SURVEY_SKIP, label: t('notNow'), enabled: !sending },
        { id: SURVEY_SEND, label: sending ? t('sending') : t('send'), enabled: !sending, tone: 'primary' },
      ],
    },
  ];
}
