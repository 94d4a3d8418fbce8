// Publishes a draft: the product's model and thumbnail in place under the data folder, then the catalog rows in one write.
import { randomUUID } from 'node:crypto';
import { copyFile, mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { ProductManifestSchema, type Landmark, type Part, type ProductDetail, type Variant } from '../../core/catalog.ts';
import { AppError, issuesFromZod } from '../../core/errors.ts';
import { unsoldPartSku, type PublishResponse } from '../../core/studio.ts';
import { getProduct } from '../catalog/catalog-repository.ts';
import { saveImportedProduct } from '../catalog/imported-products.ts';
import type { ProductParts } from '../catalog/product-parts.ts';
import type { AppContext } from '../platform/context.ts';
import { draftView } from './draft-view.ts';
import { publishedGlb, publishTransform, transformPoint } from './publish-model.ts';
import { removeQuietly } from './studio-files.ts';
import { markPublished } from './studio-repository.ts';
import type { StudioService } from './studio-service.ts';

const STANDARD: Variant = { id: 'standard', name: { en: 'Standard', es: 'Estándar' }, color: '#808080' };

const exists = (file: string) => stat(file).then(() => true, () => false);

export function createPublisher(ctx: AppContext, service: StudioService, productParts: ProductParts) {
  const { db } = ctx.store;
  const { paths, repo } = service;

  /** Moves `staging` to `target`; runs `commit`; on failure puts back what was there. */
  async function swapIn(staging: string, target: string, commit: () => Promise<void>): Promise<void> {
    const previous = (await exists(target)) ? `${target}.previous-${randomUUID()}` : null;
    if (previous) await rename(target, previous);
    await rename(staging, target);
    try {
      await commit();
    } catch (error) {
      await removeQuietly(target);
      if (previous) await rename(previous, target);
      throw error;
    }
    if (previous) await removeQuietly(previous);
  }

  return async function publish(id: string): Promise<PublishResponse> {
    const { row, stored } = await service.load(id);
    const draft = draftView(row, stored);
    if (draft.publishProblems.length > 0) {
      throw new AppError('bad_request', `This draft cannot be published yet: ${draft.publishProblems.map((problem) => problem.message).join('; ')}.`, draft.publishProblems);
    }
    const { details, orientation, scale, placement } = row.state;
    const owner = await repo.findByProduct(details.id);
    if (owner && owner.id !== row.id) throw new AppError('conflict', `Another draft is already published as "${details.id}": choose another product id.`, [{ path: 'details.id', message: 'taken' }]);
    if (!owner && (await db.selectFrom('products').select('id').where('id', '=', details.id).executeTakeFirst())) {
      throw new AppError('conflict', `The catalog already has a product "${details.id}": choose another product id.`, [{ path: 'details.id', message: 'taken' }]);
    }
    const transform = publishTransform(stored.tree.bounds, orientation, scale, placement);
    const parts: Part[] = row.state.parts.map((part) => ({
      id: part.partId,
      sku: part.sku ?? unsoldPartSku(details.sku, part.partId),
      name: part.name,
      priceCents: part.sku ? (part.priceCents ?? 0) : 0,
      stock: part.sku ? (part.stock ?? 0) : 0,
      consumable: false,
    }));
    const landmarks: Landmark[] = row.state.landmarks.map((landmark) => ({ ...landmark, position: transformPoint(transform, landmark.position) }));
    const now = Math.max(Date.now(), row.updatedAt + 1);
    const product = { ...details, placement, dimensions: transform.dimensions, model: 'model.glb', variants: [STANDARD], landmarks };
    const checked = ProductManifestSchema.safeParse({ ...product, parts });
    if (!checked.success) {
      const issues = issuesFromZod(checked.error);
      throw new AppError('bad_request', `This draft cannot be published yet: ${issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}.`, issues);
    }

    await mkdir(paths.productsDir, { recursive: true });
    const target = paths.productDir(details.id);
    const staging = `${target}.partial-${randomUUID()}`;
    try {
      await mkdir(staging);
      const partIds = new Map(row.state.parts.map((part) => [part.nodeId, part.partId]));
      await writeFile(`${staging}/model.glb`, publishedGlb(await readFile(stored.model.path), transform, partIds));
      await copyFile(paths.thumbnail(id), `${staging}/thumbnail.png`);
      await swapIn(staging, target, () =>
        ctx.store.write(async (trx) => {
          await saveImportedProduct(trx, { ...product, imported: { version: now } }, parts);
          await markPublished(trx, id, details.id, now);
        }),
      );
    } finally {
      await removeQuietly(staging);
    }
    productParts.forget(details.id);
    return { draft: await service.view(id), product: (await getProduct(db, details.id)) as ProductDetail };
  };
}
