// Survey figures of a guide version in the database: CSAT (% of 4–5), CES (mean), NPS (% 9–10 minus % 0–6), each with
// the number of answers behind it, over the whole filter and per week (Monday to Sunday, UTC).
import { sql, type Kysely, type SqlBool } from 'kysely';
import { TREND_BUCKET_MS, type SurveyFigures, type SurveyTrend } from '../../core/insights.ts';
import type { Database } from '../db/schema.ts';
import type { StepFilter } from './step-figures.ts';

type Db = Kysely<Database>;

const aggregates = [
  sql<number>`sum(case when a.csat >= 4 then 1 else 0 end)`.as('csatHigh'),
  sql<number>`count(a.csat)`.as('csatCount'),
  sql<number | null>`avg(a.ces * 1.0)`.as('cesMean'),
  sql<number>`count(a.ces)`.as('cesCount'),
  sql<number>`sum(case when a.nps >= 9 then 1 when a.nps <= 6 then -1 else 0 end)`.as('npsNet'),
  sql<number>`count(a.nps)`.as('npsCount'),
] as const;

interface AggregateRow {
  csatHigh: number | string | null;
  csatCount: number | string;
  cesMean: number | string | null;
  cesCount: number | string;
  npsNet: number | string | null;
  npsCount: number | string;
}

/** Weeks start on Mondays (UTC): 1970-01-05, four days after the epoch. Literals, so both dialects divide integers. */
const WEEK_OFFSET_MS = 4 * 24 * 60 * 60 * 1000;

const round = (value: number) => Math.round(value * 10) / 10;

function figures(row: AggregateRow | undefined): SurveyFigures {
  const csatCount = Number(row?.csatCount ?? 0);
  const cesCount = Number(row?.cesCount ?? 0);
  const npsCount = Number(row?.npsCount ?? 0);
  return {
    csat: { value: csatCount ? round((100 * Number(row?.csatHigh ?? 0)) / csatCount) : null, count: csatCount },
    ces: { value: cesCount && row?.cesMean !== null ? round(Number(row?.cesMean)) : null, count: cesCount },
    nps: { value: npsCount ? round((100 * Number(row?.npsNet ?? 0)) / npsCount) : null, count: npsCount },
  };
}

function answers(db: Db, filter: StepFilter) {
  let query = db
    .selectFrom('survey_answers as a')
    .where('a.skipped', '=', 0)
    .where('a.guide_id', '=', filter.guideId)
    .where('a.guide_version', '=', filter.version);
  if (filter.productId) query = query.where('a.product_id', '=', filter.productId);
  if (filter.from !== undefined) query = query.where('a.created_at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('a.created_at', '<', filter.to);
  if (filter.language) query = query.where('a.language', '=', filter.language);
  if (filter.channel) query = query.where('a.channel', '=', filter.channel);
  return query;
}

export async function surveyFigures(db: Db, filter: StepFilter): Promise<SurveyFigures & { weeks: SurveyTrend[] }> {
  const week = sql<number>`(a.created_at - ${sql.lit(WEEK_OFFSET_MS)}) / ${sql.lit(TREND_BUCKET_MS)}`;
  const [total, weeks] = await Promise.all([
    answers(db, filter).select(aggregates).executeTakeFirst(),
    answers(db, filter)
      .select([week.as('week'), ...aggregates])
      .where(sql<SqlBool>`a.csat is not null or a.ces is not null or a.nps is not null`)
      .groupBy(week)
      .orderBy(week)
      .execute(),
  ]);
  return { ...figures(total), weeks: weeks.map((row) => ({ weekStart: Math.floor(Number(row.week)) * TREND_BUCKET_MS + WEEK_OFFSET_MS, ...figures(row) })) };
}
