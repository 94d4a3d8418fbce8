// Help requests and callback requests in the store, the requester's history and recent waiting times.
import type { Kysely } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type { Role } from '../../core/auth.ts';
import type { ProductLine } from '../../core/catalog.ts';
import type { Language } from '../../core/languages.ts';
import type { Callback, HelpContext, HelpHistoryItem, QueueItem } from '../../core/help.ts';
import type { Database, HelpCallbacksTable, HelpRequestsTable } from '../db/schema.ts';
import { helpSubject } from './help-subject.ts';

type Db = Kysely<Database>;
export type HelpStatus = 'waiting' | 'active' | 'ended' | 'cancelled';

export interface WaitingRequest extends QueueItem {
  targetAgentId: string | null;
  declinedBy: string[];
}

export async function insertRequest(db: Db, row: HelpRequestsTable): Promise<void> {
  await db.insertInto('help_requests').values(row).execute();
}

export async function findRequest(db: Db, id: string): Promise<HelpRequestsTable | undefined> {
  return db.selectFrom('help_requests').selectAll().where('id', '=', id).executeTakeFirst();
}

/** What a lost race on a request answers (see updateRequestIf). */
export const changedByOthers = () => new AppError('conflict', 'This help request was changed meanwhile. Look at the queue again.');

/** Changes a request only if it is still in `from`; false when someone else changed it first. */
export async function updateRequestIf(db: Db, id: string, from: HelpStatus, patch: Partial<Omit<HelpRequestsTable, 'id'>>): Promise<boolean> {
  const result = await db.updateTable('help_requests').set(patch).where('id', '=', id).where('status', '=', from).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** Every waiting request, oldest first, with what an agent's queue shows. */
export async function listWaiting(db: Db): Promise<WaitingRequest[]> {
  const rows = await db
    .selectFrom('help_requests')
    .innerJoin('users', 'users.id', 'help_requests.requester_id')
    .leftJoin('products', 'products.id', 'help_requests.product_id')
    .selectAll('help_requests')
    .select(['users.name as requester_name', 'users.role as requester_role', 'products.data as product_data'])
    .where('help_requests.status', '=', 'waiting')
    .orderBy('help_requests.created_at')
    .orderBy('help_requests.id')
    .execute();
  return rows.map((row) => {
    const context = JSON.parse(row.context) as HelpContext;
    return {
      requestId: row.id,
      sessionId: row.session_id,
      requester: { id: row.requester_id, name: row.requester_name, role: row.requester_role as Role },
      productId: row.product_id,
      productLine: row.product_line as ProductLine,
      language: row.language as Language,
      context,
      subject: helpSubject(row.product_id, row.product_data, context),
      history: JSON.parse(row.history) as HelpHistoryItem[],
      createdAt: Number(row.created_at),
      transferredBy: row.transferred_by,
      targetAgentId: row.target_agent_id,
      declinedBy: JSON.parse(row.declined_by) as string[],
    };
  });
}

/** The stored manifest of a request's product (its names), or null when the catalog no longer has it. */
export async function productDataOf(db: Db, productId: string): Promise<string | null> {
  return (await db.selectFrom('products').select('data').where('id', '=', productId).executeTakeFirst())?.data ?? null;
}

/** Mean time from request to acceptance over the latest accepted requests, or null when there are none yet. */
export async function recentAcceptWaitMs(db: Db, sample: number): Promise<number | null> {
  const rows = await db.selectFrom('help_requests').select(['created_at', 'accepted_at']).where('accepted_at', 'is not', null).orderBy('accepted_at', 'desc').limit(sample).execute();
  if (rows.length === 0) return null;
  return rows.reduce((sum, row) => sum + (Number(row.accepted_at) - Number(row.created_at)), 0) / rows.length;
}

/** The requester's earlier sessions, newest first, with how often they asked for help in each. */
export async function requesterHistory(db: Db, requesterId: string, excludeSessionId: string, limit: number): Promise<HelpHistoryItem[]> {
  const rows = await db
    .selectFrom('assist_sessions')
    .selectAll('assist_sessions')
    .select((eb) => eb.selectFrom('help_requests').select(eb.fn.countAll<number>().as('n')).whereRef('help_requests.session_id', '=', 'assist_sessions.id').as('help_count'))
    .where('requester_id', '=', requesterId)
    .where('id', '!=', excludeSessionId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    sessionId: row.id,
    productId: row.product_id,
    guideId: row.guide_id,
    installedAssetId: row.installed_asset_id,
    status: row.status as 'open' | 'ended',
    createdAt: Number(row.created_at),
    endedAt: row.ended_at === null ? null : Number(row.ended_at),
    helpRequests: Number(row.help_count ?? 0),
  }));
}

export function toCallback(row: HelpCallbacksTable, requesterName: string): Callback {
  return {
    id: row.id,
    sessionId: row.session_id,
    requesterId: row.requester_id,
    requesterName,
    productId: row.product_id,
    productLine: row.product_line as ProductLine,
    language: row.language as Language,
    phone: row.phone,
    note: row.note,
    createdAt: Number(row.created_at),
    doneAt: row.done_at === null ? null : Number(row.done_at),
    doneBy: row.done_by,
  };
}

export async function insertCallback(db: Db, row: HelpCallbacksTable): Promise<void> {
  await db.insertInto('help_callbacks').values(row).execute();
}

const callbacksWithNames = (db: Db) => db.selectFrom('help_callbacks').innerJoin('users', 'users.id', 'help_callbacks.requester_id').selectAll('help_callbacks').select('users.name as requester_name');

export async function findCallback(db: Db, id: string): Promise<Callback | undefined> {
  const row = await callbacksWithNames(db).where('help_callbacks.id', '=', id).executeTakeFirst();
  return row && toCallback(row, row.requester_name);
}

/** Open callbacks, oldest first; with `coverage`, only those of these product lines and languages. */
export async function listOpenCallbacks(db: Db, limit: number, coverage?: { skills: readonly ProductLine[]; languages: readonly Language[] }): Promise<Callback[]> {
  if (coverage && (coverage.skills.length === 0 || coverage.languages.length === 0)) return [];
  let query = callbacksWithNames(db).where('help_callbacks.done_at', 'is', null);
  if (coverage) query = query.where('help_callbacks.product_line', 'in', [...coverage.skills]).where('help_callbacks.language', 'in', [...coverage.languages]);
  const rows = await query.orderBy('help_callbacks.created_at').orderBy('help_callbacks.id').limit(limit).execute();
  return rows.map((row) => toCallback(row, row.requester_name));
}

/** Marks an open callback done; false when it was already done. */
export async function markCallbackDone(db: Db, id: string, agentId: string, now: number): Promise<boolean> {
  const result = await db.updateTable('help_callbacks').set({ done_at: now, done_by: agentId }).where('id', '=', id).where('done_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
