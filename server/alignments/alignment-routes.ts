// The saved alignment of installed assets over HTTP: save how the twin sits on a unit, and read it back.
import type { Kysely } from 'kysely';
import { AlignmentInputSchema, AlignmentLookupSchema, AlignmentResponseSchema, AssetIdParamsSchema } from '../../core/asset-alignment.ts';
import type { Database } from '../db/schema.ts';
import type { RouteTable } from '../http/define-route.ts';
import { requireUser } from '../platform/signed-in.ts';
import { findAlignment, saveAlignment } from './alignment-service.ts';

export function registerAlignmentRoutes(routes: RouteTable, db: Kysely<Database>): void {
  routes.define(
    { method: 'PUT', path: '/api/assets/:assetId/alignment', operationId: 'saveAlignment', tag: 'guides', summary: 'Save how the twin sits on an installed unit', params: AssetIdParamsSchema, body: AlignmentInputSchema, response: AlignmentResponseSchema, roles: ['technician', 'admin'], errors: [400, 404, 409] },
    async ({ params, body, user }) => ({ alignment: await saveAlignment(db, requireUser(user), params.assetId, body) }),
  );

  routes.define(
    { method: 'GET', path: '/api/assets/:assetId/alignment', operationId: 'getAlignment', tag: 'guides', summary: 'The saved alignment of an installed unit (null when it was never aligned)', params: AssetIdParamsSchema, response: AlignmentLookupSchema, roles: ['customer', 'technician', 'agent', 'admin'], errors: [400] },
    async ({ params }) => ({ alignment: await findAlignment(db, params.assetId) }),
  );
}
