// A published product as one zip (product.json with its published guides, model.glb, thumbnail.png) and back: export,
// and import as a new product with those guides.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import { unzipSync, zipSync, type UnzipFileInfo } from 'fflate';
import type { User } from '../../core/auth.ts';
import { AppError, issuesFromZod } from '../../core/errors.ts';
import { PRODUCT_ARCHIVE_VERSION, ProductArchiveSchema, type ProductArchive, type PublishResponse, type StudioTreeNode } from '../../core/studio.ts';
import { parseGuide } from '../../core/guide-validation.ts';
import { getProduct } from '../catalog/catalog-repository.ts';
import { saveGuide } from '../guides/guide-authoring.ts';
import { listLatestGuides, productOfGuide } from '../guides/guide-repository.ts';
import { draftPoint, publishTransform } from './publish-model.ts';
import { checkThumbnail } from './thumbnail.ts';
import { receiveUpload, removeQuietly } from './studio-files.ts';
import type { StudioService } from './studio-service.ts';

const ENTRIES = ['product.json', 'model.glb', 'thumbnail.png'] as const;
type Entry = (typeof ENTRIES)[number];

const notArchive = (detail: string) => new AppError('bad_request', `This is not a product exported from XR Assist: ${detail}.`, [{ path: 'files', message: 'not a product archive' }], { reason: 'archive.not-product' });

/** The three known entries of an archive, refusing anything else and anything unpacking beyond `maxBytes`. */
function unpack(bytes: Uint8Array, maxBytes: number): Record<Entry, Uint8Array> {
  let total = 0;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (info: UnzipFileInfo) => {
        total += info.originalSize;
        if (!(ENTRIES as readonly string[]).includes(info.name)) throw notArchive(`it holds "${info.name}"`);
        if (total > maxBytes) throw notArchive('it unpacks to more than the upload limit');
        return true;
      },
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw notArchive('it is not a readable .zip');
  }
  const missing = ENTRIES.filter((name) => !files[name]);
  if (missing.length > 0) throw notArchive(`${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing`);
  return files as Record<Entry, Uint8Array>;
}

function parseManifest(bytes: Uint8Array): ProductArchive {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    throw notArchive('product.json is not JSON');
  }
  const parsed = ProductArchiveSchema.safeParse(json);
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error).map((issue) => ({ ...issue, path: `product.json.${issue.path}` }));
    throw new AppError('bad_request', `product.json is not valid: ${issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}.`, issues, { reason: 'archive.invalid' });
  }
  return parsed.data;
}

/** Refuses guides that do not fit the archive's product (its id, its parts, a sound step graph) or whose id is taken here. */
async function checkGuides(service: StudioService, manifest: ProductArchive): Promise<void> {
  const partIds = new Set(manifest.parts.map((part) => part.partId));
  for (const [index, guide] of manifest.guides.entries()) {
    const at = `product.json.guides.${index}`;
    if (guide.productId !== manifest.details.id) throw notArchive(`the guide "${guide.id}" is of the product "${guide.productId}"`);
    const parsed = parseGuide(guide, partIds);
    if (!parsed.ok) {
      const issues = parsed.issues.map((issue) => ({ ...issue, path: `${at}.${issue.path}` }));
      throw new AppError('bad_request', `The guide "${guide.id}" in product.json is not valid: ${issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}.`, issues, { reason: 'archive.invalid' });
    }
    if ((await productOfGuide(service.db, guide.id)) !== null) {
      throw new AppError('conflict', `This installation already has a guide "${guide.id}".`, [{ path: `${at}.id`, message: 'taken' }], { reason: 'archive.guide-exists', params: { id: guide.id } });
    }
  }
}

/** Node key by node name; deeper nodes win, as the published model names each part's node after its part id. */
function keysByName(tree: StudioTreeNode, into = new Map<string, string>()): Map<string, string> {
  into.set(tree.name, tree.id);
  tree.children.forEach((child) => keysByName(child, into));
  return into;
}

export function createStudioArchive(service: StudioService, publish: (id: string) => Promise<PublishResponse>, maxBytes: number) {
  const { paths, repo } = service;
  return {
    async exportProduct(productId: string): Promise<Buffer> {
      const draft = await repo.findByProduct(productId);
      const product = draft ? await getProduct(service.db, productId) : null;
      if (!draft || !product) throw new AppError('not_found', `There is no product "${productId}" published from Studio.`);
      const sold = new Set(draft.state.parts.filter((part) => part.sku).map((part) => part.partId));
      const manifest: ProductArchive = {
        format: 'xr-assist-product',
        version: PRODUCT_ARCHIVE_VERSION,
        details: { ...draft.state.details, priceCents: product.priceCents },
        placement: product.placement,
        parts: product.parts.map((part) => ({ partId: part.id, name: part.name, ...(sold.has(part.id) ? { sku: part.sku, priceCents: part.priceCents, stock: part.stock } : {}) })),
        landmarks: product.landmarks,
        guides: (await listLatestGuides(service.db, 'published', productId)).map((stored) => stored.guide),
      };
      const dir = paths.productDir(productId);
      const [model, thumbnail] = await Promise.all([readFile(path.join(dir, 'model.glb')), readFile(path.join(dir, 'thumbnail.png'))]);
      const zip = zipSync({ 'product.json': Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), 'model.glb': [model, { level: 0 }], 'thumbnail.png': [thumbnail, { level: 0 }] });
      return Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength);
    },

    /** Imports an exported product as a new draft and publishes it; refused (with nothing left behind) when any of that fails. */
    async importProduct(request: FastifyRequest, user: User): Promise<PublishResponse> {
      const dir = await paths.newUploadDir();
      try {
        const { files } = await receiveUpload(request, dir, { maxBytes, maxFiles: 1, setting: 'STUDIO_MAX_UPLOAD_MB' });
        const entries = unpack(await readFile(files[0]!.path), maxBytes);
        const manifest = parseManifest(entries['product.json']);
        const thumbnail = await checkThumbnail(Buffer.from(entries['thumbnail.png']));
        const id = manifest.details.id;
        if ((await repo.findByProduct(id)) || (await service.db.selectFrom('products').select('id').where('id', '=', id).executeTakeFirst())) {
          throw new AppError('conflict', `This installation already has a product "${id}".`, [{ path: 'details.id', message: 'taken' }], { reason: 'archive.product-exists', params: { id } });
        }
        await checkGuides(service, manifest);
        const modelFile = path.join(dir, 'model.glb');
        await writeFile(modelFile, entries['model.glb']);
        const draft = await service.createFromFiles([{ name: `${id}.glb`, path: modelFile }], user, undefined, { details: manifest.details, placement: manifest.placement });
        try {
          const keys = keysByName(draft.tree);
          const parts = manifest.parts.map((part) => {
            const nodeId = keys.get(part.partId);
            if (!nodeId) throw notArchive(`the model has no node for the part "${part.partId}"`);
            return { ...part, nodeId };
          });
          await writeFile(paths.thumbnail(draft.id), thumbnail);
          const { row } = await service.load(draft.id);
          const frame = publishTransform(draft.tree.bounds, row.state.orientation, row.state.scale, manifest.placement);
          const landmarks = manifest.landmarks.map((landmark) => ({ ...landmark, position: draftPoint(frame, landmark.position) }));
          await service.saveState(row, { ...row.state, parts, landmarks, hasThumbnail: true });
          const published = await publish(draft.id);
          await service.db.transaction().execute(async (trx) => {
            for (const guide of manifest.guides) await saveGuide(trx, guide, 'published', user.id);
          });
          return published;
        } catch (error) {
          await repo.remove(draft.id);
          await removeQuietly(paths.draftDir(draft.id));
          throw error;
        }
      } finally {
        await removeQuietly(dir);
      }
    },
  };
}

export type StudioArchive = ReturnType<typeof createStudioArchive>;
