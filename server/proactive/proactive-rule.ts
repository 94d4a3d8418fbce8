// The proactive-help rule's evidence, each computed in the database (SQLite or Postgres): whether this person struggled
// on the step in an earlier session, whether this unit's earlier sessions needed help there, and the last agent message
// of a session that asked for help on the step (the tip).
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Dialect } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { jsonField } from '../insights/step-figures.ts';

type Db = Kysely<Database>;

/** Where the rule looks: the person, the session they are in (left out), its unit, the guide and the step. */
export interface RuleScope {
  userId: string;
  sessionId: string;
  assetId: string | null;
  guideId: string;
  stepId: string;
}

const truthy = (row: { found: number | string | bigint } | undefined) => row !== undefined && Number(row.found) > 0;

/** Help requests on the guide's step (by the JSON context) in a session other than the current one. */
function helpOnStep(db: Db, dialect: Dialect, scope: RuleScope) {
  return db
    .selectFrom('help_requests as h')
    .where('h.session_id', '<>', scope.sessionId)
    .where(sql<SqlBool>`${jsonField(dialect, 'h.context', 'guideId')} = ${scope.guideId}`)
    .where(sql<SqlBool>`${jsonField(dialect, 'h.context', 'stepId')} = ${scope.stepId}`);
}

/**
 * (a) In an earlier session this person asked for help on the step, stopped on it (a run not finished whose current
 * step it is), or stayed on it longer than `slowerThanMs` (null: the step has no norm yet, so time is not looked at).
 */
export async function struggledBefore(db: Db, dialect: Dialect, scope: RuleScope, slowerThanMs: number | null): Promise<boolean> {
  const asked = helpOnStep(db, dialect, scope).where('h.requester_id', '=', scope.userId).select(sql<number>`1`.as('x'));
  const stopped = db
    .selectFrom('guide_progress as p')
    .where('p.started_by', '=', scope.userId)
    .where('p.session_id', '<>', scope.sessionId)
    .where('p.guide_id', '=', scope.guideId)
    .where('p.finished_at', 'is', null)
    .where('p.current_step_id', '=', scope.stepId)
    .select(sql<number>`1`.as('x'));
  const slow = db
    .selectFrom('guide_step_events as e')
    .innerJoin('guide_step_events as l', (join) =>
      join.onRef('l.session_id', '=', 'e.session_id').onRef('l.guide_id', '=', 'e.guide_id').onRef('l.step_id', '=', 'e.step_id').on('l.kind', '=', 'left').on(sql<SqlBool>`l.seq = e.seq + 1`),
    )
    .where('e.kind', '=', 'entered')
    .where('e.user_id', '=', scope.userId)
    .where('e.session_id', '<>', scope.sessionId)
    .where('e.guide_id', '=', scope.guideId)
    .where('e.step_id', '=', scope.stepId)
    .where(sql<SqlBool>`l.at - e.at > ${slowerThanMs ?? 0}`)
    .select(sql<number>`1`.as('x'));
  const evidence = slowerThanMs === null ? sql`exists ${asked} or exists ${stopped}` : sql`exists ${asked} or exists ${stopped} or exists ${slow}`;
  const row = await db.selectNoFrom([sql<number>`case when ${evidence} then 1 else 0 end`.as('found')]).executeTakeFirst();
  return truthy(row);
}

/** (b) An earlier session on this unit asked for help on the step. */
export async function assetNeededHelp(db: Db, dialect: Dialect, scope: RuleScope): Promise<boolean> {
  if (scope.assetId === null) return false;
  const asked = helpOnStep(db, dialect, scope)
    .innerJoin('assist_sessions as s', 's.id', 'h.session_id')
    .where('s.installed_asset_id', '=', scope.assetId)
    .select(sql<number>`1`.as('x'));
  const row = await db.selectNoFrom([sql<number>`case when exists ${asked} then 1 else 0 end`.as('found')]).executeTakeFirst();
  return truthy(row);
}

/** The last chat message an agent wrote after a help request on the step, in any earlier session. */
export async function tipForStep(db: Db, dialect: Dialect, scope: RuleScope): Promise<string | null> {
  const row = await db
    .selectFrom('session_log as g')
    .innerJoin('session_members as m', (join) => join.onRef('m.session_id', '=', 'g.session_id').onRef('m.user_id', '=', 'g.actor_id').on('m.role', '=', 'agent'))
    .innerJoin('help_requests as h', (join) => join.onRef('h.session_id', '=', 'g.session_id').on(sql<SqlBool>`g.at >= h.created_at`))
    .where('g.type', '=', 'chat')
    .where('g.session_id', '<>', scope.sessionId)
    .where(sql<SqlBool>`${jsonField(dialect, 'h.context', 'guideId')} = ${scope.guideId}`)
    .where(sql<SqlBool>`${jsonField(dialect, 'h.context', 'stepId')} = ${scope.stepId}`)
    .select(jsonField(dialect, 'g.data', 'text').as('text'))
    .orderBy('g.at', 'desc')
    .orderBy('g.seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row?.text ?? null;
}
