// Agent ratings in the store: the help request a rating is about, the insert (refused by the unique index when the
// request was rated already), and an agent's ratings.
import type { Kysely, Transaction } from 'kysely';
import type { StoredAgentRating } from '../../core/agent-rating.ts';
import type { AgentRatingsTable, Database } from '../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export function findHelpRequest(db: Db, requestId: string) {
  return db.selectFrom('help_requests').select(['id', 'session_id', 'product_id', 'agent_id', 'status']).where('id', '=', requestId).executeTakeFirst();
}

export async function isRated(db: Db, requestId: string): Promise<boolean> {
  return (await db.selectFrom('agent_ratings').select('id').where('request_id', '=', requestId).executeTakeFirst()) !== undefined;
}

export async function insertRating(db: Db, row: AgentRatingsTable): Promise<void> {
  await db.insertInto('agent_ratings').values(row).execute();
}

export async function ratingsOf(db: Db, agentId: string): Promise<StoredAgentRating[]> {
  const rows = await db.selectFrom('agent_ratings').selectAll().where('agent_id', '=', agentId).orderBy('created_at', 'desc').execute();
  return rows.map(toStoredRating);
}

export function toStoredRating(row: AgentRatingsTable): StoredAgentRating {
  return {
    id: row.id,
    requestId: row.request_id,
    sessionId: row.session_id,
    agentId: row.agent_id,
    productId: row.product_id,
    difficulty: Number(row.difficulty),
    infoEnough: Number(row.info_enough) === 1,
    note: row.note,
    createdAt: Number(row.created_at),
  };
}
