// Keeps a product manifest in step with its generated model: dimensions and landmarks come from the geometry.
import { readFile, writeFile } from 'node:fs/promises';
import type { ProductManifest } from '../../core/catalog.ts';
import { ProductManifestSchema } from '../../core/catalog.ts';
import { issuesFromZod } from '../../core/errors.ts';
import type { ProductModel } from './product-model.ts';
import { modelBounds } from './product-model.ts';

const round = (value: number): number => Math.round(value * 1e4) / 1e4;

export async function readManifest(path: string): Promise<ProductManifest> {
  const result = ProductManifestSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
  if (!result.success) {
    const details = issuesFromZod(result.error).map((issue) => `${issue.path}: ${issue.message}`);
    throw new Error(`${path} is not a valid product manifest:\n  ${details.join('\n  ')}`);
  }
  return result.data;
}

/** The manifest with `dimensions`, `landmarks` and `model` taken from the model; throws when the part lists disagree. */
export function syncManifest(manifest: ProductManifest, model: ProductModel): ProductManifest {
  const modelParts = model.parts.map((part) => part.id).sort();
  const manifestParts = manifest.parts.map((part) => part.id).sort();
  if (manifest.id !== model.id || manifest.placement !== model.placement || modelParts.join() !== manifestParts.join()) {
    throw new Error(
      `${model.id}: manifest and model disagree (id ${manifest.id}, placement ${manifest.placement} vs ${model.placement}, ` +
        `parts [${manifestParts.join(', ')}] vs [${modelParts.join(', ')}])`,
    );
  }
  const { min, max } = modelBounds(model);
  return ProductManifestSchema.parse({
    ...manifest,
    model: `${model.id}.glb`,
    dimensions: { width: round(max[0] - min[0]), height: round(max[1] - min[1]), depth: round(max[2] - min[2]) },
    landmarks: model.landmarks.map(({ id, name, partId, position }) => ({ id, name, partId, position: position.map(round) })),
  });
}

/** Writes the manifest when its content changed; returns whether it did. */
export async function writeManifestIfChanged(path: string, manifest: ProductManifest): Promise<boolean> {
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  const current = await readFile(path, 'utf8').catch(() => '');
  if (current === text) return false;
  await writeFile(path, text);
  return true;
}
