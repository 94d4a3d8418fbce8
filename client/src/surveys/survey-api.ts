// HTTP calls of surveys: whether to ask (and whether NPS), and the answer (or the skip).
import { SurveyAskSchema, SurveyResponseSchema, type StoredSurvey, type SurveyAnswer, type SurveyAsk, type SurveyTarget } from '../../../core/survey.ts';
import { apiGet, apiRequest } from '../api/http.ts';

export function askSurvey({ context, contextId }: SurveyTarget, signal?: AbortSignal): Promise<SurveyAsk> {
  return apiGet(`/api/surveys/ask?context=${context}&contextId=${encodeURIComponent(contextId)}`, SurveyAskSchema, signal);
}

export async function answerSurvey(answer: SurveyAnswer): Promise<StoredSurvey> {
  return SurveyResponseSchema.parse(await apiRequest('/api/surveys', { method: 'POST', body: answer })).survey;
}

export async function commentSurvey(surveyId: string, comment: string): Promise<StoredSurvey> {
  return SurveyResponseSchema.parse(await apiRequest(`/api/surveys/${encodeURIComponent(surveyId)}/comment`, { method: 'PUT', body: { comment } })).survey;
}
