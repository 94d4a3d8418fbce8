// Guide API (list, detail, new versions) and the saved alignment of installed assets.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { User } from '../../../core/auth.ts';
import { AppError } from '../../../core/errors.ts';
import { AlignmentInputSchema, AlignmentResponseSchema, AssetIdParamsSchema } from '../../../core/asset-alignment.ts';
import { GuideCreatedResponseSchema, GuideCreateQuerySchema, GuideDetailQuerySchema, GuideDetailResponseSchema, GuideIdParamsSchema, GuideListQuerySchema, GuideListResponseSchema } from '../../../core/guide-version.ts';
import type { AppContext } from '../../context.ts';
import { getAlignment, saveAlignment } from '../../guides/asset-alignments.ts';
import { saveGuide } from '../../guides/guide-authoring.ts';
import { findGuide, listLatestGuides, toGuideSummary } from '../../guides/guide-repository.ts';
import { defineRoute, type RouteRegistry } from '../define-route.ts';

/** Drafts (new guides, guides made from sessions) are for the people who review them. */
const seesDrafts = (user: User | null) => user?.role === 'admin' || user?.role === 'agent';

const GuideBodySchema = z.unknown().meta({
  title: 'Guide',
  description: 'A guide in format version 1 (core/guide.ts). It is checked against the product parts and its step graph; a 400 lists every issue by path.',
});

export function registerGuideRoutes(app: FastifyInstance, ctx: AppContext, registry: RouteRegistry): void {
  const db = ctx.store.db;

  defineRoute(
    app,
    ctx,
    registry,
    { method: 'GET', path: '/api/guides', tag: 'guides', summary: 'The latest version of each guide, optionally of one product', query: GuideListQuerySchema, response: GuideListResponseSchema, errors: [400, 403] },
    async ({ query, user }) => {
      const status = query.status ?? 'published';
      if (status === 'draft' && !seesDrafts(user)) throw new AppError('forbidden', 'Draft guides are listed for admins and agents.');
      return { guides: (await listLatestGuides(db, status, query.productId)).map(toGuideSummary) };
    },
  );

  defineRoute(
    app,
    ctx,
    registry,
    { method: 'GET', path: '/api/guides/:id', tag: 'guides', summary: 'A guide: its latest published version, or the version asked for', params: GuideIdParamsSchema, query: GuideDetailQuerySchema, response: GuideDetailResponseSchema, errors: [400, 404] },
    async ({ params, query, user }) => {
      const drafts = seesDrafts(user);
      const stored = await findGuide(db, params.id, { version: query.version, includeDrafts: drafts });
      if (!stored || (stored.status === 'draft' && !drafts)) {
        throw new AppError('not_found', query.version === undefined ? `There is no published guide "${params.id}".` : `Guide "${params.id}" has no version ${query.version}.`);
      }
      return { guide: stored.guide, version: stored.version, status: stored.status };
    },
  );

  defineRoute(
    app,
    ctx,
    registry,
    { method: 'POST', path: '/api/guides', tag: 'guides', summary: 'Store a guide as a new version (never overwrites one)', query: GuideCreateQuerySchema, body: GuideBodySchema, response: GuideCreatedResponseSchema, status: 201, roles: ['admin'], errors: [400, 409] },
    async ({ query, body, user }) => saveGuide(db, body, query.status, user?.id ?? null),
  );

  defineRoute(
    app,
    ctx,
    registry,
    { method: 'PUT', path: '/api/assets/:assetId/alignment', tag: 'guides', summary: 'Save how the twin sits on an installed unit', params: AssetIdParamsSchema, body: AlignmentInputSchema, response: AlignmentResponseSchema, roles: ['technician', 'admin'], errors: [400, 404, 409] },
    async ({ params, body, user }) => {
      if (!user) throw new AppError('unauthorized', 'Please sign in to do this.');
      return { alignment: await saveAlignment(db, user, params.assetId, body) };
    },
  );

  defineRoute(
    app,
    ctx,
    registry,
    { method: 'GET', path: '/api/assets/:assetId/alignment', tag: 'guides', summary: 'The saved alignment of an installed unit', params: AssetIdParamsSchema, response: AlignmentResponseSchema, roles: ['customer', 'technician', 'agent', 'admin'], errors: [400, 404] },
    async ({ params }) => ({ alignment: await getAlignment(db, params.assetId) }),
  );
}
