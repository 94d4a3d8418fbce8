// One page of a person's timeline: the four kinds read after the cursor, merged by (time, kind, id) descending and cut
// to the page; product names and the guide run in each session looked up for that page only.
import { formatCursor, parseCursor, type ActivityItem, type ActivityKind, type ActivityPage } from '../../core/activity.ts';
import type { OrderStatus } from '../../core/order.ts';
import type { DeviceKind, SurveyContext } from '../../core/survey.ts';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { guideData, helpRows, orderRows, productData, progressRows, sessionRows, surveyRows } from './activity-repository.ts';
import { productName } from '../catalog/product-name.ts';
import { guideSummary, type GuideSummary } from './guide-summary.ts';

type Db = Kysely<Database>;

interface Sortable {
  at: number;
  kind: ActivityKind;
  id: string;
}

const newestFirst = (a: Sortable, b: Sortable) => b.at - a.at || (a.kind < b.kind ? 1 : a.kind > b.kind ? -1 : 0) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);


export async function guideSummaries(db: Db, versions: Array<{ guideId: string; version: number }>): Promise<Map<string, GuideSummary>> {
  const data = await guideData(db, versions);
  return new Map([...data].map(([key, json]) => [key, guideSummary(json)]));
}

export async function timelinePage(db: Db, userId: string, before: string | undefined, limit: number): Promise<ActivityPage> {
  const scope = { userId, cursor: before === undefined ? undefined : parseCursor(before), rows: limit + 1 };
  const [sessions, helps, orders, surveys] = await Promise.all([sessionRows(db, scope), helpRows(db, scope), orderRows(db, scope), surveyRows(db, scope)]);
  const merged = [
    ...sessions.map((row) => ({ at: Number(row.created_at), kind: 'session' as const, id: row.id, row })),
    ...helps.map((row) => ({ at: Number(row.created_at), kind: 'help' as const, id: row.id, row })),
    ...orders.map((row) => ({ at: Number(row.created_at), kind: 'order' as const, id: row.id, row })),
    ...surveys.map((row) => ({ at: Number(row.created_at), kind: 'survey' as const, id: row.id, row })),
  ].sort(newestFirst);
  const page = merged.slice(0, limit);
  const pageSessions = page.flatMap((item) => (item.kind === 'session' ? [item.row] : []));
  const progress = await progressRows(db, pageSessions.map((row) => row.id));
  const lastRun = new Map<string, (typeof progress)[number]>();
  for (const row of progress) if (!lastRun.has(row.session_id)) lastRun.set(row.session_id, row);
  const productIds = new Set<string>();
  for (const item of page) {
    if (item.kind !== 'order' && item.row.product_id !== null) productIds.add(item.row.product_id);
  }
  const [products, guides] = await Promise.all([productData(db, [...productIds]), guideSummaries(db, [...lastRun.values()].map((row) => ({ guideId: row.guide_id, version: Number(row.guide_version) })))]);

  const items = page.map((item): ActivityItem => {
    const common = { at: item.at, cursor: formatCursor(item) };
    switch (item.kind) {
      case 'session': {
        const { row } = item;
        const run = lastRun.get(row.id);
        const summary = run && guides.get(`${run.guide_id}@${Number(run.guide_version)}`);
        const guide = run && summary ? { guideId: run.guide_id, version: Number(run.guide_version), title: summary.title, stepsDone: summary.stepsDone(run.progress), stepCount: summary.steps.length, finished: run.finished_at !== null } : null;
        return { ...common, kind: 'session', sessionId: row.id, productId: row.product_id, productName: productName(products.get(row.product_id), row.product_id), status: row.status === 'open' ? 'open' : 'ended', endedAt: row.ended_at === null ? null : Number(row.ended_at), channel: Number(row.assisted) > 0 ? 'assisted' : 'self-service', device: (row.device ?? null) as DeviceKind | null, guide };
      }
      case 'help': {
        const { row } = item;
        const durationMs = row.accepted_at !== null && row.ended_at !== null ? Math.max(0, Number(row.ended_at) - Number(row.accepted_at)) : null;
        return { ...common, kind: 'help', requestId: row.id, sessionId: row.session_id, productName: productName(products.get(row.product_id), row.product_id), status: row.status as 'waiting' | 'active' | 'ended' | 'cancelled', agentName: row.agent_name ?? null, durationMs };
      }
      case 'order': {
        const { row } = item;
        return { ...common, kind: 'order', orderId: row.id, number: row.number, totalCents: Number(row.total_cents), currency: row.currency, status: row.status as OrderStatus };
      }
      case 'survey': {
        const { row } = item;
        const score = (value: number | null) => (value === null ? null : Number(value));
        return { ...common, kind: 'survey', surveyId: row.id, context: row.context as SurveyContext, productName: row.product_id === null ? null : productName(products.get(row.product_id), row.product_id), csat: score(row.csat), ces: score(row.ces), nps: score(row.nps), comment: row.comment };
      }
    }
  });
  const last = page.at(-1);
  return { items, next: merged.length > limit && last ? formatCursor(last) : null };
}
