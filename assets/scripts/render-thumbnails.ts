// Renders a studio thumbnail of every built product model to assets/thumbnails/<id>.webp (512×512), committed by hand.
import { access, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { MODELS_DIR, REPO_ROOT, THUMBNAILS_DIR, manifestPath, modelPath, thumbnailPath } from './asset-paths.ts';
import { buildAssets } from './build-assets.ts';
import { readManifest } from './manifest-sync.ts';
import { PRODUCTS } from './products/index.ts';
import { DEFAULT_VIEWS } from './thumbnails/studio-api.ts';
import { openStudio } from './thumbnails/studio-session.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

export async function renderThumbnails(log: (message: string) => void = () => {}): Promise<void> {
  const productIds = PRODUCTS.map((product) => product.id);
  const missing = await Promise.all(productIds.map((id) => access(modelPath(id)).then(() => false, () => true)));
  if (missing.some(Boolean)) await buildAssets({ log });
  await mkdir(THUMBNAILS_DIR, { recursive: true });
  const studio = await openStudio(MODELS_DIR);
  try {
    for (const id of productIds) {
      const { placement } = await readManifest(manifestPath(id));
      const image = await studio.render(`${id}.glb`, placement, DEFAULT_VIEWS[placement]);
      await writeFileAtomic(thumbnailPath(id), image);
      log(`${path.relative(REPO_ROOT, thumbnailPath(id))}: ${image.byteLength} B`);
    }
  } finally {
    await studio.close();
  }
}

const entryScript = process.argv[1];
if (entryScript && import.meta.url === pathToFileURL(entryScript).href) {
  renderThumbnails((message) => console.log(message)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
