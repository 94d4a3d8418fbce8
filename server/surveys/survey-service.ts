// The survey rules: an answer is about a context of the person's own, given once per context, with NPS at most once in
// 90 days; the context (product, guide and version, step, agent, channel) comes from the store, never from the client.
import { randomUUID } from 'node:crypto';
import type { User } from '../../core/auth.ts';
import { AppError } from '../../core/errors.ts';
import { NPS_INTERVAL_MS, type StoredSurvey, type SurveyAnswer, type SurveyAsk, type SurveyTarget } from '../../core/survey.ts';
import type { Store } from '../db/database.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';
import { addComment, answersOf, factsOf, findAnswer, hasAnswered, insertAnswer, lastNpsAt, type SurveyFacts } from './survey-repository.ts';

export interface SurveyService {
  ask(target: SurveyTarget, user: User): Promise<SurveyAsk>;
  answer(answer: SurveyAnswer, user: User): Promise<StoredSurvey>;
  mine(user: User): Promise<StoredSurvey[]>;
  comment(surveyId: string, comment: string, user: User): Promise<StoredSurvey>;
}

const answered = () => new AppError('conflict', 'You have already answered the survey about this.', undefined, { reason: 'survey.answered' });

function npsTooSoon(askableAt: number): AppError {
  const date = new Date(askableAt).toISOString().slice(0, 10);
  return new AppError('conflict', `You gave a recommendation score less than 90 days ago: it can be given again from ${date}.`, [{ path: 'nps', message: `not before ${date}` }], {
    reason: 'survey.nps-too-soon',
    params: { date },
  });
}

export function createSurveyService(store: Store, now: () => number): SurveyService {
  const { db } = store;

  async function facts(target: SurveyTarget, user: User): Promise<SurveyFacts> {
    const found = await factsOf(db, target.context, target.contextId, user.id);
    if (!found) throw new AppError('not_found', `There is no ${target.context} "${target.contextId}" of yours to answer a survey about.`, undefined, { reason: 'survey.no-context' });
    return found;
  }

  async function npsAskableAt(userId: string): Promise<number | null> {
    const last = await lastNpsAt(db, userId);
    return last !== null && now() < last + NPS_INTERVAL_MS ? last + NPS_INTERVAL_MS : null;
  }

  return {
    async ask(target, user) {
      await facts(target, user);
      const askableAt = await npsAskableAt(user.id);
      return { ask: !(await hasAnswered(db, user.id, target.context, target.contextId)), includeNps: askableAt === null, npsAskableAt: askableAt };
    },

    async answer(answer, user) {
      const found = await facts(answer, user);
      const id = randomUUID();
      const row = {
        id,
        user_id: user.id,
        context: answer.context,
        context_id: answer.contextId,
        ...found,
        channel: found.agent_id ? 'assisted' : 'self-service',
        device: answer.device,
        language: answer.language,
        csat: answer.csat ?? null,
        ces: answer.ces ?? null,
        nps: answer.nps ?? null,
        comment: answer.comment?.trim() || null,
        skipped: answer.skipped ? 1 : 0,
        created_at: now(),
      };
      try {
        await store.write(async (trx) => {
          if (await hasAnswered(trx, user.id, answer.context, answer.contextId)) throw answered();
          const last = answer.nps === undefined ? null : await lastNpsAt(trx, user.id);
          if (last !== null && row.created_at < last + NPS_INTERVAL_MS) throw npsTooSoon(last + NPS_INTERVAL_MS);
          await insertAnswer(trx, row);
        });
      } catch (error) {
        throw isUniqueViolation(error) ? answered() : error;
      }
      const stored = await findAnswer(db, id);
      if (!stored) throw new AppError('internal', 'The survey answer was not stored.');
      return stored;
    },

    mine: (user) => answersOf(db, user.id),

    async comment(surveyId, comment, user) {
      const added = await store.write((trx) => addComment(trx, surveyId, user.id, comment));
      const stored = await findAnswer(db, surveyId);
      if (!stored || stored.userId !== user.id) throw new AppError('not_found', 'There is no survey answer of yours with this id.', undefined, { reason: 'survey.not-found' });
      if (!added) {
        const reason = stored.skipped ? 'survey.skipped' : 'survey.commented';
        throw new AppError('conflict', stored.skipped ? 'A skipped survey takes no comment.' : 'This answer already has a comment.', undefined, { reason });
      }
      return stored;
    },
  };
}
