// Surveys over HTTP for any signed-in person: whether to ask (and whether to include NPS), answer once, list one's own,
// and add a comment later to an answer that has none.
import { ROLES } from '../../core/auth.ts';
import { SurveyAnswerSchema, SurveyAskSchema, SurveyCommentSchema, SurveyIdParamsSchema, SurveyListSchema, SurveyResponseSchema, SurveyTargetSchema } from '../../core/survey.ts';
import type { RouteTable } from '../http/define-route.ts';
import { requireUser } from '../platform/signed-in.ts';
import type { SurveyService } from './survey-service.ts';

const tag = 'surveys';
const roles = ROLES;

export function registerSurveyRoutes(routes: RouteTable, surveys: SurveyService): void {
  routes.define(
    { method: 'GET', path: '/api/surveys/ask', operationId: 'askSurvey', tag, summary: 'Whether to ask the survey of a guide run, help session or order (not when answered or skipped), and whether to include NPS (at most once in 90 days)', query: SurveyTargetSchema, response: SurveyAskSchema, roles, errors: [400, 404] },
    async ({ query, user }) => surveys.ask(query, requireUser(user)),
  );

  routes.define(
    { method: 'POST', path: '/api/surveys', operationId: 'answerSurvey', tag, summary: 'Answer (or skip) the survey of a context of yours, once; stored, with the context the server knows, before the answer. 409 `survey.answered` on a second answer, `survey.nps-too-soon` for NPS within 90 days of the last', body: SurveyAnswerSchema, response: SurveyResponseSchema, status: 201, roles, errors: [400, 404, 409], rateLimit: { max: 30, windowMs: 60_000 } },
    async ({ body, user }) => ({ survey: await surveys.answer(body, requireUser(user)) }),
  );

  routes.define(
    { method: 'GET', path: '/api/surveys', operationId: 'listMySurveys', tag, summary: 'The signed-in person’s survey answers, newest first', response: SurveyListSchema, roles },
    async ({ user }) => ({ surveys: await surveys.mine(requireUser(user)) }),
  );

  routes.define(
    { method: 'PUT', path: '/api/surveys/:surveyId/comment', operationId: 'commentSurvey', tag, summary: 'Add a comment to an answer of yours that has none (one given with a controller in AR, say); stored before the answer. 409 `survey.commented` when it has one, `survey.skipped` for a skipped survey', params: SurveyIdParamsSchema, body: SurveyCommentSchema, response: SurveyResponseSchema, roles, errors: [400, 404, 409], rateLimit: { max: 30, windowMs: 60_000 } },
    async ({ params, body, user }) => ({ survey: await surveys.comment(params.surveyId, body.comment, requireUser(user)) }),
  );
}
