// The guide editor over HTTP, for admins and authors: list a product's guides, open or start a draft (or read it for a
// preview), save it on its revision, publish it as a new version, list versions and the difference between two.
import {
  GuideDiffQuerySchema,
  GuideDiffSchema,
  GuideDraftResponseSchema,
  GuideDraftSaveSchema,
  GuidePublishedSchema,
  GuidePublishSchema,
  GuideVersionListSchema,
  NewGuideSchema,
  StudioGuideListQuerySchema,
  StudioGuideListSchema,
} from '../../../core/guide-editing.ts';
import { GuideIdParamsSchema } from '../../../core/guide-version.ts';
import { STUDIO_ROLES } from '../../../core/studio.ts';
import type { RouteTable } from '../../http/define-route.ts';
import { requireUser } from '../../platform/signed-in.ts';
import type { GuideDrafts } from './guide-drafts.ts';

const roles = STUDIO_ROLES;
const tag = 'studio';

export function registerGuideEditorRoutes(routes: RouteTable, drafts: GuideDrafts): void {
  routes.define(
    { method: 'GET', path: '/api/studio/guides', operationId: 'listStudioGuides', tag, summary: "A product's guides: latest published version and the editor's draft of each", query: StudioGuideListQuerySchema, response: StudioGuideListSchema, roles, errors: [400] },
    async ({ query }) => ({ guides: await drafts.list(query.productId) }),
  );

  routes.define(
    { method: 'POST', path: '/api/studio/guides', operationId: 'createStudioGuide', tag, summary: 'Start a new guide for a product as a draft (one empty step)', body: NewGuideSchema, response: GuideDraftResponseSchema, status: 201, roles, errors: [400, 404, 409] },
    async ({ body, user }) => ({ draft: await drafts.create(body.productId, body.id, requireUser(user)) }),
  );

  routes.define(
    { method: 'POST', path: '/api/studio/guides/:id/draft', operationId: 'openStudioGuideDraft', tag, summary: "Open a guide in the editor: its draft, or a new draft from its latest version (a session's saved draft included)", params: GuideIdParamsSchema, response: GuideDraftResponseSchema, roles, errors: [400, 404] },
    async ({ params, user }) => ({ draft: await drafts.open(params.id, requireUser(user)) }),
  );

  routes.define(
    { method: 'GET', path: '/api/studio/guides/:id/draft', operationId: 'readStudioGuideDraft', tag, summary: "Read a guide's draft as it is now, without opening one (the author's preview); 404 when it has none", params: GuideIdParamsSchema, response: GuideDraftResponseSchema, roles, errors: [400, 404] },
    async ({ params }) => ({ draft: await drafts.read(params.id) }),
  );

  routes.define(
    { method: 'PUT', path: '/api/studio/guides/:id/draft', operationId: 'saveStudioGuideDraft', tag, summary: 'Save the draft made on `revision` (409 names who saved in between); the answer lists every validation issue', params: GuideIdParamsSchema, body: GuideDraftSaveSchema, response: GuideDraftResponseSchema, roles, errors: [400, 404, 409] },
    async ({ params, body, user }) => ({ draft: await drafts.save(params.id, body.revision, body.guide, requireUser(user)) }),
  );

  routes.define(
    { method: 'POST', path: '/api/studio/guides/:id/publish', operationId: 'publishStudioGuide', tag, summary: 'Publish the draft as a new version; refused (400, with every issue) while the validator finds any, and nothing changes', params: GuideIdParamsSchema, body: GuidePublishSchema, response: GuidePublishedSchema, roles, errors: [400, 404, 409] },
    async ({ params, body, user }) => drafts.publish(params.id, body.revision, requireUser(user)),
  );

  routes.define(
    { method: 'GET', path: '/api/studio/guides/:id/versions', operationId: 'listStudioGuideVersions', tag, summary: 'Every stored version of a guide, newest first', params: GuideIdParamsSchema, response: GuideVersionListSchema, roles, errors: [400, 404] },
    async ({ params }) => ({ versions: await drafts.versions(params.id) }),
  );

  routes.define(
    { method: 'GET', path: '/api/studio/guides/:id/diff', operationId: 'diffStudioGuideVersions', tag, summary: 'What changed from one version to another: guide fields, steps added, removed and changed (with their fields)', params: GuideIdParamsSchema, query: GuideDiffQuerySchema, response: GuideDiffSchema, roles, errors: [400, 404] },
    async ({ params, query }) => drafts.diff(params.id, query.from, query.to),
  );
}
