// Survey answers in the store: the context an answer is about as our own tables know it, the person's answer of one
// context, their latest NPS, and the insert (refused by the unique index when the context was answered already).
import type { Kysely, Transaction } from 'kysely';
import type { StoredSurvey, SurveyContext } from '../../core/survey.ts';
import type { Database, SurveyAnswersTable } from '../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** What the server knows of an answer's context; null fields where the context has none. */
export type SurveyFacts = Pick<SurveyAnswersTable, 'product_id' | 'guide_id' | 'guide_version' | 'step_id' | 'agent_id'>;

async function agentOfSession(db: Db, sessionId: string): Promise<string | null> {
  const help = await db.selectFrom('help_requests').select('agent_id').where('session_id', '=', sessionId).where('agent_id', 'is not', null).orderBy('created_at', 'desc').executeTakeFirst();
  if (help?.agent_id) return help.agent_id;
  const member = await db.selectFrom('session_members').select('user_id').where('session_id', '=', sessionId).where('role', '=', 'agent').orderBy('joined_at', 'desc').executeTakeFirst();
  return member?.user_id ?? null;
}

/** A finished guide has no current step: the step reached is the last one in its history. */
function lastStep(progress: string): string | null {
  const history = (JSON.parse(progress) as { history?: string[] }).history ?? [];
  return history.at(-1) ?? null;
}

async function sessionFacts(db: Db, sessionId: string, userId: string, withGuide: boolean): Promise<SurveyFacts | null> {
  const session = await db.selectFrom('assist_sessions').select(['product_id']).where('id', '=', sessionId).where('requester_id', '=', userId).executeTakeFirst();
  if (!session) return null;
  const agent = await agentOfSession(db, sessionId);
  if (!withGuide) return { product_id: session.product_id, guide_id: null, guide_version: null, step_id: null, agent_id: agent };
  const run = await db.selectFrom('guide_progress').select(['guide_id', 'guide_version', 'current_step_id', 'progress']).where('session_id', '=', sessionId).orderBy('selected_at', 'desc').executeTakeFirst();
  if (!run) return null;
  return { product_id: session.product_id, guide_id: run.guide_id, guide_version: Number(run.guide_version), step_id: run.current_step_id ?? lastStep(run.progress), agent_id: agent };
}

async function orderFacts(db: Db, orderId: string, userId: string): Promise<SurveyFacts | null> {
  const order = await db.selectFrom('orders').select('session_id').where('id', '=', orderId).where('user_id', '=', userId).executeTakeFirst();
  if (!order) return null;
  const session = order.session_id ? await db.selectFrom('assist_sessions').select('product_id').where('id', '=', order.session_id).executeTakeFirst() : undefined;
  const agent = order.session_id ? await agentOfSession(db, order.session_id) : null;
  return { product_id: session?.product_id ?? null, guide_id: null, guide_version: null, step_id: null, agent_id: agent };
}

/** The context as the store knows it, or null when it does not exist or is not this person's. */
export function factsOf(db: Db, context: SurveyContext, contextId: string, userId: string): Promise<SurveyFacts | null> {
  if (context === 'order') return orderFacts(db, contextId, userId);
  return sessionFacts(db, contextId, userId, context === 'guide');
}

export async function hasAnswered(db: Db, userId: string, context: SurveyContext, contextId: string): Promise<boolean> {
  const row = await db.selectFrom('survey_answers').select('id').where('user_id', '=', userId).where('context', '=', context).where('context_id', '=', contextId).executeTakeFirst();
  return row !== undefined;
}

/** When this person last gave an NPS score (epoch ms), or null. */
export async function lastNpsAt(db: Db, userId: string): Promise<number | null> {
  const row = await db.selectFrom('survey_answers').select('created_at').where('user_id', '=', userId).where('nps', 'is not', null).orderBy('created_at', 'desc').executeTakeFirst();
  return row ? Number(row.created_at) : null;
}

export async function insertAnswer(db: Db, row: SurveyAnswersTable): Promise<void> {
  await db.insertInto('survey_answers').values(row).execute();
}

/** Sets the comment of an answer of this person's that was not skipped and has none; false when there is no such answer. */
export async function addComment(db: Db, id: string, userId: string, comment: string): Promise<boolean> {
  const result = await db.updateTable('survey_answers').set({ comment }).where('id', '=', id).where('user_id', '=', userId).where('skipped', '=', 0).where('comment', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function findAnswer(db: Db, id: string): Promise<StoredSurvey | null> {
  const row = await db.selectFrom('survey_answers').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toStored(row) : null;
}

export async function answersOf(db: Db, userId: string): Promise<StoredSurvey[]> {
  const rows = await db.selectFrom('survey_answers').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').execute();
  return rows.map(toStored);
}

const nullableNumber = (value: number | null) => (value === null ? null : Number(value));

function toStored(row: SurveyAnswersTable): StoredSurvey {
  return {
    id: row.id,
    context: row.context as StoredSurvey['context'],
    contextId: row.context_id,
    userId: row.user_id,
    productId: row.product_id,
    guideId: row.guide_id,
    guideVersion: nullableNumber(row.guide_version),
    stepId: row.step_id,
    agentId: row.agent_id,
    channel: row.channel as StoredSurvey['channel'],
    device: row.device as StoredSurvey['device'],
    language: row.language as StoredSurvey['language'],
    csat: nullableNumber(row.csat),
    ces: nullableNumber(row.ces),
    nps: nullableNumber(row.nps),
    comment: row.comment,
    skipped: Number(row.skipped) === 1,
    createdAt: Number(row.created_at),
  };
}
