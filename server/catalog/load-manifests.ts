// Loads and validates the product manifests shipped in assets/products/.
import fs from 'node:fs/promises';
import path from 'node:path';
import { ProductManifestSchema, type ProductManifest } from '../../core/catalog.ts';
import { issuesFromZod } from '../../core/errors.ts';

export async function loadManifests(assetsDir: string): Promise<ProductManifest[]> {
  const dir = path.join(assetsDir, 'products');
  const files = (await fs.readdir(dir)).filter((file) => file.endsWith('.json')).sort();
  return Promise.all(files.map((file) => loadManifest(path.join(dir, file))));
}

export async function loadManifest(file: string): Promise<ProductManifest> {
  const parsed = ProductManifestSchema.safeParse(JSON.parse(await fs.readFile(file, 'utf8')));
  if (!parsed.success) {
    const detail = issuesFromZod(parsed.error).map((issue) => `${issue.path}: ${issue.message}`).join('; ');
    throw new Error(`Invalid product manifest ${path.basename(file)}: ${detail}`);
  }
  return parsed.data;
}
