// Generates the demo product models (raw and optimized GLB), keeps their manifests in step, copies WebXR input profiles,
// and writes the brotli and gzip variants the server sends.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BUILD_REPORT_PATH, INPUT_PROFILES_DIR, MODELS_DIR, RAW_MODELS_DIR, REPO_ROOT, manifestPath, modelPath, rawModelPath } from './asset-paths.ts';
import { createGltfIO } from './gltf-io.ts';
import { copyInputProfiles } from './input-profiles.ts';
import { readManifest, syncManifest, writeManifestIfChanged } from './manifest-sync.ts';
import { createModelDocument } from './model-document.ts';
import { optimizeDocument } from './optimize-document.ts';
import { placeModel } from './placement.ts';
import { describeReport, precompressDir } from './precompress.ts';
import { PRODUCTS } from './products/index.ts';
import { writeFileAtomic } from './write-file-atomic.ts';

export interface BuildReportEntry {
  id: string;
  rawBytes: number;
  optimizedBytes: number;
}

export interface BuildAssetsOptions {
  /** Progress messages. @default no output */
  log?: (message: string) => void;
}

export async function buildAssets({ log = () => {} }: BuildAssetsOptions = {}): Promise<BuildReportEntry[]> {
  const io = await createGltfIO();
  await Promise.all([mkdir(RAW_MODELS_DIR, { recursive: true }), mkdir(MODELS_DIR, { recursive: true })]);
  const report: BuildReportEntry[] = [];
  for (const product of PRODUCTS) {
    const model = placeModel(product.build());
    if (model.id !== product.id) throw new Error(`product "${product.id}" built a model named "${model.id}"`);
    const manifestFile = manifestPath(model.id);
    const manifest = syncManifest(await readManifest(manifestFile), model);
    if (await writeManifestIfChanged(manifestFile, manifest)) log(`updated ${path.relative(REPO_ROOT, manifestFile)}`);

    const document = createModelDocument(model, manifest.variants[0]?.color ?? '#808080');
    const raw = await io.writeBinary(document);
    const optimized = await io.writeBinary(await optimizeDocument(document));
    await writeFileAtomic(rawModelPath(model.id), raw);
    await writeFileAtomic(modelPath(model.id), optimized);
    report.push({ id: model.id, rawBytes: raw.byteLength, optimizedBytes: optimized.byteLength });
    log(`${model.id}: ${raw.byteLength} B raw, ${optimized.byteLength} B optimized`);
  }
  await copyInputProfiles(INPUT_PROFILES_DIR);
  log(describeReport('models precompressed', precompressDir(MODELS_DIR)));
  log(describeReport('input profiles precompressed', precompressDir(INPUT_PROFILES_DIR)));
  await writeFileAtomic(BUILD_REPORT_PATH, `${JSON.stringify(report, null, 2)}\n`);
  return report;
}

const entryScript = process.argv[1];
if (entryScript && import.meta.url === pathToFileURL(entryScript).href) {
  const started = performance.now();
  buildAssets({ log: (message) => console.log(message) }).then(
    () => console.log(`assets built in ${Math.round(performance.now() - started)} ms`),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
