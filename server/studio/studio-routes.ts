// Studio over HTTP, for admins and authors: upload a model, edit the draft, split, thumbnail, publish, export and import.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ProductIdParamsSchema } from '../../core/catalog.ts';
import { AppError } from '../../core/errors.ts';
import {
  DraftEditSchema,
  DraftListSchema,
  DraftParamsSchema,
  DraftResponseSchema,
  PublishResponseSchema,
  SplitPreviewSchema,
  SplitRequestSchema,
  STUDIO_ROLES,
  STUDIO_THUMBNAIL_MAX_BYTES,
} from '../../core/studio.ts';
import type { RouteTable } from '../http/define-route.ts';
import type { StudioService } from './studio-service.ts';
import type { StudioArchive } from './studio-archive.ts';

const roles = STUDIO_ROLES;
const tag = 'studio';
const FileSchema = z.unknown();
/** Imports are heavy (conversion, optimization): a guard against a runaway client, far above what an author does. */
const uploadLimit = { max: 30, windowMs: 60_000 };
const MODEL_UPLOAD = 'The model: a .glb; a .gltf with its .bin and textures; a STEP (.step, .stp), OBJ or STL file; or a .zip of them. Optional field `unit` (m, cm, mm, in, ft) for OBJ and STL.';

/** Streams a stored file with a fixed, safe type; never a name from an upload. */
async function sendFile(reply: FastifyReply, file: string, contentType: string, what: string) {
  if (!(await stat(file).then((info) => info.isFile(), () => false))) throw new AppError('not_found', `There is no ${what} yet.`);
  void reply.header('content-type', contentType).header('cache-control', 'private, no-store').header('x-content-type-options', 'nosniff');
  return createReadStream(file);
}

export function registerStudioRoutes(routes: RouteTable, studio: StudioService, publish: (id: string) => Promise<z.infer<typeof PublishResponseSchema>>, archive: StudioArchive): void {
  const { paths } = studio;

  routes.define(
    { method: 'POST', path: '/api/studio/drafts', operationId: 'createStudioDraft', tag, summary: 'Upload a product model; it is imported (converted, checked, optimized) into a new draft', upload: { contentType: 'multipart/form-data', description: MODEL_UPLOAD }, response: DraftResponseSchema, status: 201, roles, errors: [400], rateLimit: uploadLimit },
    async ({ request, user }) => ({ draft: await studio.createFromUpload(request, user!) }),
  );

  routes.define({ method: 'GET', path: '/api/studio/drafts', operationId: 'listStudioDrafts', tag, summary: 'Drafts and published products of Studio, last edited first', response: DraftListSchema, roles }, async () => ({
    drafts: await studio.list(),
  }));

  routes.define(
    { method: 'GET', path: '/api/studio/drafts/:id', operationId: 'getStudioDraft', tag, summary: 'A draft: parts tree, size, warnings, edits, what still stops publishing', params: DraftParamsSchema, response: DraftResponseSchema, roles, errors: [400, 404] },
    async ({ params }) => ({ draft: await studio.view(params.id) }),
  );

  routes.define(
    { method: 'PUT', path: '/api/studio/drafts/:id', operationId: 'editStudioDraft', tag, summary: 'Edit a draft: details, size correction, placement, orientation, parts, landmarks', params: DraftParamsSchema, body: DraftEditSchema, response: DraftResponseSchema, roles, errors: [400, 404, 409] },
    async ({ params, body }) => ({ draft: await studio.edit(params.id, body) }),
  );

  routes.define(
    { method: 'DELETE', path: '/api/studio/drafts/:id', operationId: 'deleteStudioDraft', tag, summary: 'Delete a draft that was never published, with its files', params: DraftParamsSchema, response: z.undefined(), status: 204, roles, errors: [400, 404, 409] },
    async ({ params }) => {
      await studio.remove(params.id);
      return undefined;
    },
  );

  routes.define(
    { method: 'GET', path: '/api/studio/drafts/:id/model.glb', operationId: 'getStudioDraftModel', tag, summary: 'The draft’s optimized model (meshopt-compressed GLB; nodes keyed by `extras.studioId`)', params: DraftParamsSchema, response: FileSchema, download: { contentType: 'model/gltf-binary', description: 'GLB' }, roles, errors: [400, 404] },
    async ({ params, reply }) => {
      const { stored } = await studio.load(params.id);
      return sendFile(reply, stored.model.path, 'model/gltf-binary', 'model');
    },
  );

  routes.define(
    { method: 'POST', path: '/api/studio/drafts/:id/split/preview', operationId: 'previewStudioSplit', tag, summary: 'Try splitting a node’s merged mesh by material or connected pieces, without changing the draft', params: DraftParamsSchema, body: SplitRequestSchema, response: SplitPreviewSchema, roles, errors: [400, 404] },
    async ({ params, body }) => studio.previewSplit(params.id, body),
  );

  routes.define(
    { method: 'GET', path: '/api/studio/drafts/:id/split-preview.glb', operationId: 'getStudioSplitPreviewModel', tag, summary: 'The model as the last split preview left it', params: DraftParamsSchema, response: FileSchema, download: { contentType: 'model/gltf-binary', description: 'GLB' }, roles, errors: [400, 404] },
    async ({ params, reply }) => {
      await studio.load(params.id);
      return sendFile(reply, `${paths.previewDir(params.id)}/model.glb`, 'model/gltf-binary', 'split preview');
    },
  );

  routes.define(
    { method: 'POST', path: '/api/studio/drafts/:id/split', operationId: 'splitStudioPart', tag, summary: 'Split a node’s merged mesh into parts (by material or connected pieces)', params: DraftParamsSchema, body: SplitRequestSchema, response: DraftResponseSchema, roles, errors: [400, 404] },
    async ({ params, body }) => ({ draft: await studio.applySplit(params.id, body) }),
  );

  routes.define(
    {
      method: 'POST',
      path: '/api/studio/drafts/:id/thumbnail',
      operationId: 'setStudioThumbnail',
      tag,
      summary: 'Set the catalog picture: a PNG captured from the author’s 3D view',
      params: DraftParamsSchema,
      upload: { contentType: 'image/png', description: `A PNG, at most ${STUDIO_THUMBNAIL_MAX_BYTES / 1024 / 1024} MB and 4096 × 4096 pixels`, maxBytes: STUDIO_THUMBNAIL_MAX_BYTES },
      response: DraftResponseSchema,
      roles,
      errors: [400, 404, 413, 415],
    },
    async ({ params, request }) => ({ draft: await studio.setThumbnail(params.id, request.body) }),
  );

  routes.define(
    { method: 'GET', path: '/api/studio/drafts/:id/thumbnail.png', operationId: 'getStudioDraftThumbnail', tag, summary: 'The draft’s thumbnail', params: DraftParamsSchema, response: FileSchema, download: { contentType: 'image/png', description: 'PNG' }, roles, errors: [400, 404] },
    async ({ params, reply }) => {
      await studio.load(params.id);
      return sendFile(reply, paths.thumbnail(params.id), 'image/png', 'thumbnail');
    },
  );

  routes.define(
    { method: 'POST', path: '/api/studio/drafts/:id/publish', operationId: 'publishStudioDraft', tag, summary: 'Publish (or publish again) a draft: the product appears in the catalog with its parts and landmarks', params: DraftParamsSchema, response: PublishResponseSchema, roles, errors: [400, 404, 409] },
    async ({ params }) => publish(params.id),
  );

  routes.define(
    { method: 'GET', path: '/api/studio/products/:id/export', operationId: 'exportStudioProduct', tag, summary: 'A published product as one .zip: product.json (details, placement, parts, landmarks, the latest published version of each guide), model.glb, thumbnail.png', params: ProductIdParamsSchema, response: FileSchema, download: { contentType: 'application/zip', description: 'The product archive' }, roles, errors: [400, 404] },
    async ({ params, reply }) => {
      const zip = await archive.exportProduct(params.id);
      void reply.header('content-type', 'application/zip').header('content-disposition', `attachment; filename="${params.id}.zip"`).header('cache-control', 'private, no-store');
      return zip;
    },
  );

  routes.define(
    { method: 'POST', path: '/api/studio/products/import', operationId: 'importStudioProduct', tag, summary: 'Import a product exported from an installation: it and its guides are checked, imported and published (refused whole when a guide does not fit the product or its id is taken)', upload: { contentType: 'multipart/form-data', description: 'One .zip made by exportStudioProduct' }, response: PublishResponseSchema, status: 201, roles, errors: [400, 409], rateLimit: uploadLimit },
    async ({ request, user }) => archive.importProduct(request, user!),
  );
}
