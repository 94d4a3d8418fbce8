// Proactive help in the store: the person's preference, the session's guide run, and the offers made (one per session
// and step, the primary key keeping it so).
import type { Kysely } from 'kysely';
import type { ProactiveReason } from '../../core/proactive.ts';
import type { Database } from '../db/schema.ts';

type Db = Kysely<Database>;

/** Whether the person wants offers; true until they turn them off. */
export async function offersWanted(db: Db, userId: string): Promise<boolean> {
  const row = await db.selectFrom('user_preferences').select('proactive_help').where('user_id', '=', userId).executeTakeFirst();
  return row === undefined || Number(row.proactive_help) === 1;
}

export async function saveOffersWanted(db: Db, userId: string, wanted: boolean, at: number): Promise<void> {
  const value = wanted ? 1 : 0;
  await db
    .insertInto('user_preferences')
    .values({ user_id: userId, proactive_help: value, updated_at: at })
    .onConflict((conflict) => conflict.column('user_id').doUpdateSet({ proactive_help: value, updated_at: at }))
    .execute();
}

/** The person's own session: its unit and the guide run selected last, or null when the session is not theirs. */
export async function sessionRun(db: Db, sessionId: string, userId: string): Promise<{ assetId: string | null; guideId: string | null; version: number | null } | null> {
  const row = await db
    .selectFrom('assist_sessions as s')
    .leftJoin('guide_progress as p', 'p.session_id', 's.id')
    .select(['s.installed_asset_id as assetId', 'p.guide_id as guideId', 'p.guide_version as version'])
    .where('s.id', '=', sessionId)
    .where('s.requester_id', '=', userId)
    .orderBy('p.selected_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { assetId: row.assetId, guideId: row.guideId, version: row.version === null ? null : Number(row.version) } : null;
}

export async function wasOffered(db: Db, sessionId: string, stepId: string): Promise<boolean> {
  const row = await db.selectFrom('proactive_offers').select('step_id').where('session_id', '=', sessionId).where('step_id', '=', stepId).executeTakeFirst();
  return row !== undefined;
}

/** Records an offer; false when one was made on this step of the session already. */
export async function recordOffer(db: Db, offer: { sessionId: string; stepId: string; userId: string; guideId: string; reasons: ProactiveReason[]; at: number }): Promise<boolean> {
  const result = await db
    .insertInto('proactive_offers')
    .values({ session_id: offer.sessionId, step_id: offer.stepId, user_id: offer.userId, guide_id: offer.guideId, reasons: JSON.stringify(offer.reasons), offered_at: offer.at })
    .onConflict((conflict) => conflict.columns(['session_id', 'step_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}
