// Guide API: list, detail, new versions, and a draft guide made from an assist session.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { User } from '../../core/auth.ts';
import { AppError } from '../../core/errors.ts';
import { GuideSchema } from '../../core/guide.ts';
import type { LocalizedText } from '../../core/i18n.ts';
import {
  GuideCreatedResponseSchema,
  GuideCreateQuerySchema,
  GuideDetailQuerySchema,
  GuideDetailResponseSchema,
  GuideIdParamsSchema,
  GuideListQuerySchema,
  GuideListResponseSchema,
  GuideStatusSchema,
} from '../../core/guide-version.ts';
import { getProduct } from '../catalog/catalog-repository.ts';
import type { Database } from '../db/schema.ts';
import type { RouteTable } from '../http/define-route.ts';
import { requireUser } from '../platform/signed-in.ts';
import { requireReader } from '../sessions/session-access.ts';
import { toSessionInfo } from '../sessions/session-repository.ts';
import { SessionParamsSchema } from '../sessions/session-routes.ts';
import { readWholeLog } from '../sessions/session-state.ts';
import { buildDraftGuide } from './draft-guide.ts';
import { saveGuide } from './guide-authoring.ts';
import { findGuide, listLatestGuides, toGuideSummary } from './guide-repository.ts';

/** Drafts (new guides, guides made from sessions) are for the people who review them. */
const seesDrafts = (user: User | null) => user?.role === 'admin' || user?.role === 'agent';

const GuideBodySchema = z.unknown().meta({
  title: 'Guide',
  description: 'A guide in format version 1 (core/guide.ts). It is checked against the product parts and its step graph; a 400 lists every issue by path.',
});

export function registerGuideRoutes(routes: RouteTable, db: Kysely<Database>): void {
  routes.define(
    { method: 'GET', path: '/api/guides', operationId: 'listGuides', tag: 'guides', summary: 'The latest version of each guide, optionally of one product', query: GuideListQuerySchema, response: GuideListResponseSchema, errors: [400, 403] },
    async ({ query, user }) => {
      const status = query.status ?? 'published';
      if (status === 'draft' && !seesDrafts(user)) throw new AppError('forbidden', 'Draft guides are listed for admins and agents.');
      return { guides: (await listLatestGuides(db, status, query.productId)).map(toGuideSummary) };
    },
  );

  routes.define(
    { method: 'GET', path: '/api/guides/:id', operationId: 'getGuide', tag: 'guides', summary: 'A guide: its latest published version, or the version asked for', params: GuideIdParamsSchema, query: GuideDetailQuerySchema, response: GuideDetailResponseSchema, errors: [400, 404] },
    async ({ params, query, user }) => {
      const drafts = seesDrafts(user);
      const stored = await findGuide(db, params.id, { version: query.version, includeDrafts: drafts });
      if (!stored || (stored.status === 'draft' && !drafts)) {
        throw new AppError('not_found', query.version === undefined ? `There is no published guide "${params.id}".` : `Guide "${params.id}" has no version ${query.version}.`);
      }
      return { guide: stored.guide, version: stored.version, status: stored.status };
    },
  );

  routes.define(
    { method: 'POST', path: '/api/guides', operationId: 'saveGuide', tag: 'guides', summary: 'Store a guide as a new version (never overwrites one)', query: GuideCreateQuerySchema, body: GuideBodySchema, response: GuideCreatedResponseSchema, status: 201, roles: ['admin'], errors: [400, 409] },
    async ({ query, body, user }) => saveGuide(db, body, query.status, user?.id ?? null),
  );

  routes.define(
    {
      method: 'POST',
      path: '/api/sessions/:id/draft-guide',
      operationId: 'draftGuideFromSession',
      tag: 'assist',
      summary: "Turns a session's pushed steps and annotations into a guide for its product, stored as a new draft version for an admin to publish",
      roles: ['agent', 'admin'],
      params: SessionParamsSchema,
      response: z.object({ guide: GuideSchema, version: z.number().int().positive(), status: GuideStatusSchema }),
      status: 201,
      errors: [400, 404, 409],
    },
    async ({ user, params }) => {
      const session = await requireReader(db, user, params.id, true);
      const product = await getProduct(db, session.product_id);
      const partNames = new Map<string, LocalizedText>((product?.parts ?? []).map((part) => [part.id, part.name]));
      const guide = buildDraftGuide({ session: toSessionInfo(session), entries: await readWholeLog(db, session.id), partNames });
      const { version, status } = await saveGuide(db, guide, 'draft', requireUser(user).id);
      return { guide, version, status };
    },
  );
}
