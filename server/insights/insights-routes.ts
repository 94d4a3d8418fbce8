// Insights over HTTP for admins and operators: the figures of a guide version, the guides to choose from, CSV exports,
// the figures per agent and queue with order origins, a step's sessions, the xAPI statements as a download and the
// statements the LRS refused.
import { z } from 'zod';
import { INSIGHTS_ROLES, InsightsExportSchema, InsightsFilterSchema, InsightsGuidesSchema, InsightsReportSchema } from '../../core/insights.ts';
import { ServiceFiguresSchema, ServiceFilterSchema, StepSessionsParamsSchema, StepSessionsQuerySchema, StepSessionsSchema } from '../../core/insights-service-figures.ts';
import { XapiExportSchema, XapiRefusedSchema } from '../../core/xapi.ts';
import type { Store } from '../db/database.ts';
import type { RouteTable } from '../http/define-route.ts';
import { requireUser } from '../platform/signed-in.ts';
import type { InsightsService } from './insights-service.ts';
import { xapiStatementStream } from './xapi-export.ts';
import { listRefusedStatements } from './xapi-refused.ts';

const tag = 'insights';
const roles = INSIGHTS_ROLES;

export function registerInsightsRoutes(routes: RouteTable, insights: InsightsService, xapi: { store: Store; baseIri: string }): void {
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

  routes.define(
    { method: 'GET', path: '/api/insights/service', operationId: 'getServiceInsights', tag, summary: 'Help per agent and per queue (answered requests, mean wait and handling time, transfers, CSAT with its count) and where orders came from (an assist session, an agent\'s proposal), filtered by period, product and language', query: ServiceFilterSchema, response: ServiceFiguresSchema, roles, errors: [400] },
    async ({ query }) => insights.service(query),
  );

  routes.define(
    { method: 'GET', path: '/api/insights/steps/:stepId/sessions', operationId: 'listStepSessions', tag, summary: 'The sessions that entered one step of a guide version, slowest first (at most 100), with the report\'s filters', params: StepSessionsParamsSchema, query: StepSessionsQuerySchema, response: StepSessionsSchema, roles, errors: [400, 404] },
    async ({ params, query }) => insights.stepSessions(query, params.stepId),
  );

  routes.define(
    { method: 'GET', path: '/api/insights/xapi', operationId: 'exportXapiStatements', tag, summary: 'xAPI 1.0.3 statements of guide runs (attempted, completed) and step visits (experienced), oldest first, for one guide or all, in a period', query: XapiExportSchema, response: z.unknown(), download: { contentType: 'application/json', description: 'A JSON array of xAPI 1.0.3 statements with stable ids' }, roles, errors: [400] },
    async ({ query, reply }) => {
      void reply.header('content-type', 'application/json; charset=utf-8').header('content-disposition', `attachment; filename="xapi-${query.guideId ?? 'all'}.json"`).header('cache-control', 'private, no-store');
      return xapiStatementStream(xapi.store, query, xapi.baseIri);
    },
  );

  routes.define(
    { method: 'GET', path: '/api/insights/xapi/refused', operationId: 'listRefusedXapiStatements', tag, summary: 'xAPI statements the Learning Record Store refused for good (a 4xx other than 408 and 429), with its answer, newest first (at most 200); the push goes on with the others', response: XapiRefusedSchema, roles: ['admin'] },
    async () => listRefusedStatements(xapi.store),
  );
}
