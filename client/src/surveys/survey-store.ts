// One survey on screen: asks the server whether to show it (and NPS), keeps the scores and comment chosen, and sends
// the answer or the skip once; a refusal that means "already answered" ends it as answered.
import { createStore } from 'zustand/vanilla';
import type { ErrorBody } from '../../../core/ack.ts';
import type { Language } from '../../../core/languages.ts';
import type { DeviceKind, SurveyAnswer, SurveyTarget } from '../../../core/survey.ts';
import { ApiError } from '../api/http.ts';
import { answerSurvey, askSurvey } from './survey-api.ts';

export type SurveyPhase = 'checking' | 'hidden' | 'asking' | 'sending' | 'answered' | 'skipped';
export type ScoreName = 'csat' | 'ces' | 'nps';

export interface SurveyState {
  phase: SurveyPhase;
  includeNps: boolean;
  scores: Partial<Record<ScoreName, number>>;
  comment: string;
  /** Send was pressed with nothing chosen. */
  empty: boolean;
  error: ErrorBody | null;
}

export interface SurveyStoreOptions {
  target: SurveyTarget;
  device: DeviceKind;
  language: () => Language;
}

const errorBody = (error: unknown): ErrorBody => (error instanceof ApiError ? error.body : { code: 'internal', message: String(error) });

export function createSurveyStore({ target, device, language }: SurveyStoreOptions) {
  const store = createStore<SurveyState>(() => ({ phase: 'checking', includeNps: false, scores: {}, comment: '', empty: false, error: null }));
  const controller = new AbortController();

  async function submit(answer: Omit<SurveyAnswer, 'context' | 'contextId' | 'device' | 'language'>, done: SurveyPhase): Promise<void> {
    store.setState({ phase: 'sending', error: null, empty: false });
    try {
      await answerSurvey({ ...target, device, language: language(), ...answer });
      if (!controller.signal.aborted) store.setState({ phase: done });
    } catch (error) {
      if (controller.signal.aborted) return;
      const body = errorBody(error);
      if (body.reason === 'survey.answered') store.setState({ phase: 'answered' });
      else if (body.reason === 'survey.nps-too-soon') store.setState(({ scores: { nps: _nps, ...rest } }) => ({ phase: 'asking', includeNps: false, scores: rest, error: body }));
      else store.setState({ phase: 'asking', error: body });
    }
  }

  return {
    ...store,
    async check(): Promise<void> {
      try {
        const ask = await askSurvey(target, controller.signal);
        store.setState({ phase: ask.ask ? 'asking' : 'hidden', includeNps: ask.includeNps });
      } catch {
        if (!controller.signal.aborted) store.setState({ phase: 'hidden' });
      }
    },
    choose(name: ScoreName, value: number): void {
      store.setState(({ scores }) => ({ scores: { ...scores, [name]: value }, empty: false }));
    },
    setComment(comment: string): void {
      store.setState({ comment, empty: false });
    },
    async send(): Promise<void> {
      const { scores, comment, includeNps, phase } = store.getState();
      if (phase !== 'asking') return;
      const text = comment.trim();
      const answer = { ...scores, ...(includeNps ? {} : { nps: undefined }), ...(text ? { comment: text } : {}), skipped: false };
      if (answer.csat === undefined && answer.ces === undefined && answer.nps === undefined && !text) {
        store.setState({ empty: true });
        return;
      }
      await submit(answer, 'answered');
    },
    async skip(): Promise<void> {
      if (store.getState().phase === 'asking') await submit({ skipped: true }, 'skipped');
    },
    destroy(): void {
      controller.abort();
    },
  };
}

export type SurveyStore = ReturnType<typeof createSurveyStore>;
