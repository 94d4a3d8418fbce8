// Per agent and per queue figures of help requests (answered, mean wait, mean handling, transfers, CSAT, the agents'
// own ratings) and where orders came from, each an aggregate computed in the database (SQLite or Postgres).
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { AgentFigures, AgentRatingFigures, OrderOrigins, QueueFigures, ServiceFilter } from '../../core/insights-service-figures.ts';
import type { Dialect } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { jsonField } from './step-figures.ts';

type Db = Kysely<Database>;
type Count = number | string | bigint | null;

const num = (value: Count) => Number(value ?? 0);
const mean = (value: Count) => (value === null ? null : Math.round(Number(value)));
const csatOf = (high: Count, count: Count) => ({ value: num(count) ? Math.round((1000 * num(high)) / num(count)) / 10 : null, count: num(count) });

function requests(db: Db, filter: ServiceFilter) {
  let query = db.selectFrom('help_requests as h');
  if (filter.productId) query = query.where('h.product_id', '=', filter.productId);
  if (filter.language) query = query.where('h.language', '=', filter.language);
  if (filter.from !== undefined) query = query.where('h.created_at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('h.created_at', '<', filter.to);
  return query;
}

const helpAggregates = [
  sql<Count>`count(h.accepted_at)`.as('answered'),
  sql<Count>`avg(case when h.accepted_at is not null then h.accepted_at - h.created_at end)`.as('wait'),
  sql<Count>`avg(case when h.status = 'ended' and h.accepted_at is not null then h.ended_at - h.accepted_at end)`.as('handling'),
] as const;

/** `help.transferred` entries of the filtered requests. */
function transfers(db: Db, dialect: Dialect, filter: ServiceFilter) {
  return requests(db, filter)
    .innerJoin('session_log as l', (join) => join.onRef('l.session_id', '=', 'h.session_id').on('l.type', '=', 'help.transferred'))
    .where(sql<SqlBool>`${jsonField(dialect, 'l.data', 'requestId')} = h.id`);
}

function helpSurveys(db: Db, filter: ServiceFilter) {
  let query = db.selectFrom('survey_answers as a').where('a.context', '=', 'help').where('a.skipped', '=', 0).where('a.csat', 'is not', null);
  if (filter.productId) query = query.where('a.product_id', '=', filter.productId);
  if (filter.language) query = query.where('a.language', '=', filter.language);
  if (filter.from !== undefined) query = query.where('a.created_at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('a.created_at', '<', filter.to);
  return query;
}

/** Agent ratings of the filtered requests. */
function ratings(db: Db, filter: ServiceFilter) {
  return requests(db, filter).innerJoin('agent_ratings as r', 'r.request_id', 'h.id');
}

const ratingAggregates = [
  sql<Count>`avg(r.difficulty * 1.0)`.as('difficulty'),
  sql<Count>`sum(case when r.info_enough = 1 then 1 else 0 end)`.as('enough'),
  sql<Count>`count(*)`.as('rated'),
] as const;

const noRatings = { difficulty: null, enough: 0, rated: 0 };
function ratingsOf(row: { difficulty: Count; enough: Count; rated: Count }): AgentRatingFigures {
  const count = num(row.rated);
  return {
    difficulty: row.difficulty === null || count === 0 ? null : Math.round(10 * Number(row.difficulty)) / 10,
    infoEnough: count ? Math.round((1000 * num(row.enough)) / count) / 10 : null,
    count,
  };
}

const csatAggregates = [sql<Count>`sum(case when a.csat >= 4 then 1 else 0 end)`.as('high'), sql<Count>`count(*)`.as('count')] as const;

export async function agentFigures(db: Db, dialect: Dialect, filter: ServiceFilter): Promise<AgentFigures[]> {
  const fromAgent = jsonField(dialect, 'l.data', 'fromAgentId');
  const [help, moved, surveys, rated] = await Promise.all([
    requests(db, filter).where('h.agent_id', 'is not', null).select(['h.agent_id as agentId', ...helpAggregates]).groupBy('h.agent_id').execute(),
    transfers(db, dialect, filter).select([fromAgent.as('agentId'), sql<Count>`count(*)`.as('count')]).groupBy(fromAgent).execute(),
    helpSurveys(db, filter).where('a.agent_id', 'is not', null).select(['a.agent_id as agentId', ...csatAggregates]).groupBy('a.agent_id').execute(),
    ratings(db, filter).select(['r.agent_id as agentId', ...ratingAggregates]).groupBy('r.agent_id').execute(),
  ]);
  const ids = [...new Set([...help.map((row) => row.agentId), ...moved.map((row) => row.agentId), ...surveys.map((row) => row.agentId), ...rated.map((row) => row.agentId)])].filter((id): id is string => id !== null);
  if (ids.length === 0) return [];
  const names = new Map((await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute()).map((row) => [row.id, row.name]));
  return ids
    .map((agentId) => {
      const row = help.find((candidate) => candidate.agentId === agentId);
      const survey = surveys.find((candidate) => candidate.agentId === agentId);
      return {
        agentId,
        name: names.get(agentId) ?? agentId,
        answered: num(row?.answered ?? 0),
        waitMs: mean(row?.wait ?? null),
        handlingMs: mean(row?.handling ?? null),
        transfers: num(moved.find((candidate) => candidate.agentId === agentId)?.count ?? 0),
        csat: csatOf(survey?.high ?? 0, survey?.count ?? 0),
        ratings: ratingsOf(rated.find((candidate) => candidate.agentId === agentId) ?? noRatings),
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export async function queueFigures(db: Db, dialect: Dialect, filter: ServiceFilter): Promise<QueueFigures[]> {
  const [help, moved, surveys, rated] = await Promise.all([
    requests(db, filter).select(['h.product_line as productLine', 'h.language as language', sql<Count>`count(*)`.as('requests'), ...helpAggregates]).groupBy(['h.product_line', 'h.language']).execute(),
    transfers(db, dialect, filter).select(['h.product_line as productLine', 'h.language as language', sql<Count>`count(*)`.as('count')]).groupBy(['h.product_line', 'h.language']).execute(),
    helpSurveys(db, filter)
      .innerJoin('products as p', 'p.id', 'a.product_id')
      .select(['p.product_line as productLine', 'a.language as language', ...csatAggregates])
      .groupBy(['p.product_line', 'a.language'])
      .execute(),
    ratings(db, filter).select(['h.product_line as productLine', 'h.language as language', ...ratingAggregates]).groupBy(['h.product_line', 'h.language']).execute(),
  ]);
  const same = (queue: { productLine: string; language: string }) => (row: { productLine: string; language: string }) => row.productLine === queue.productLine && row.language === queue.language;
  return help
    .map((row) => {
      const survey = surveys.find(same(row));
      return {
        productLine: row.productLine,
        language: row.language,
        requests: num(row.requests),
        answered: num(row.answered),
        waitMs: mean(row.wait),
        handlingMs: mean(row.handling),
        transfers: num(moved.find(same(row))?.count ?? 0),
        csat: csatOf(survey?.high ?? 0, survey?.count ?? 0),
        ratings: ratingsOf(rated.find(same(row)) ?? noRatings),
      };
    })
    .sort((a, b) => a.productLine.localeCompare(b.productLine) || a.language.localeCompare(b.language));
}

/** Orders placed in the period (product and language filters do not apply to orders). */
export async function orderOrigins(db: Db, filter: ServiceFilter): Promise<OrderOrigins> {
  let query = db.selectFrom('orders as o');
  if (filter.from !== undefined) query = query.where('o.created_at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('o.created_at', '<', filter.to);
  const proposed = sql<SqlBool>`exists (select 1 from session_log l where l.session_id = o.session_id and l.type = 'cart.proposed' and l.at <= o.created_at)`;
  const row = await query
    .select([
      sql<Count>`count(*)`.as('total'),
      sql<Count>`count(o.session_id)`.as('fromAssist'),
      sql<Count>`sum(case when ${proposed} then 1 else 0 end)`.as('fromProposal'),
      sql<Count>`sum(case when o.origin = 'ar' then 1 else 0 end)`.as('fromAr'),
      sql<Count>`sum(case when o.origin = 'ar' or ${proposed} then 1 else 0 end)`.as('fromArOrProposal'),
    ])
    .executeTakeFirst();
  return {
    total: num(row?.total ?? 0),
    fromAssist: num(row?.fromAssist ?? 0),
    fromProposal: num(row?.fromProposal ?? 0),
    fromAr: num(row?.fromAr ?? 0),
    fromArOrProposal: num(row?.fromArOrProposal ?? 0),
  };
}
