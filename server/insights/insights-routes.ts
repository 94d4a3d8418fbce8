// Insights over HTTP for admins and operators: the figures of a guide version, the guides to choose from, CSV exports.
import { z } from 'zod';
import { INSIGHTS_ROLES, InsightsExportSchema, InsightsFilterSchema, InsightsGuidesSchema, InsightsReportSchema } from '../../core/insights.ts';
import type { RouteTable } from '../http/define-route.ts';
import { requireUser } from '../platform/signed-in.ts';
import type { InsightsService } from './insights-service.ts';

const tag = 'insights';
const roles = INSIGHTS_ROLES;

export function registerInsightsRoutes(routes: RouteTable, insights: InsightsService): void {
  routes.define(
    { method: 'GET', path: '/api/insights/guides', operationId: 'listInsightsGuides', tag, summary: 'Published guides with their versions, to choose the figures of', response: InsightsGuidesSchema, roles },
    async () => ({ guides: await insights.guides() }),
  );

  routes.define(
    { method: 'GET', path: '/api/insights', operationId: 'getInsights', tag, summary: 'Per-step figures of a guide version (median and p90 time, abandonment, out-of-range measurements, help requests, back-steps, friction score), the friction ranking and survey trends (CSAT, CES, NPS with their counts), filtered by product, period, language and channel', query: InsightsFilterSchema, response: InsightsReportSchema, roles, errors: [400, 404] },
    async ({ query }) => insights.report(query),
  );

  routes.define(
    { method: 'GET', path: '/api/insights/export', operationId: 'exportInsights', tag, summary: 'One Insights table (steps, friction or surveys) as CSV, with the same filters', query: InsightsExportSchema, response: z.unknown(), download: { contentType: 'text/csv', description: 'CSV (RFC 4180) with a header row' }, roles, errors: [400, 404] },
    async ({ query: { table, ...filter }, user, reply }) => {
      const csv = await insights.csv(filter, table, requireUser(user));
      void reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="insights-${filter.guideId}-${table}.csv"`).header('cache-control', 'private, no-store');
      return csv;
    },
  );
}
