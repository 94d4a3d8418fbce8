// Writes a placed, keyed model twice (as it is, and optimized and validated again) with its record into the staging folder.
import type { Document } from '@gltf-transform/core';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { gltfIO } from './gltf-io.ts';
import type { ImportLimits } from './import-limits.ts';
import type { ImportRecord, ImportWarning, ModelDimensions } from './import-types.ts';
import { dimensionsOf, keyedBounds, modelStats, partTree, triangleCount } from './model-tree.ts';
import { optimizeModel } from './optimize-model.ts';
import { ImportError } from './refusal.ts';
import type { StageClock } from './stage-clock.ts';
import { validateGltf } from './validate-gltf.ts';
import { MODEL_FILE, RECORD_FILE, WORKING_FILE } from './worker-protocol.ts';

/** Everything about the model except what storing it measures. */
export type ModelDraft = Omit<ImportRecord, 'tree' | 'stats' | 'dimensions' | 'files'> & { document: Document };

const cm = (metres: number): string => String(Math.round(metres * 1000) / 10);

export function sizeWarnings(dimensions: ModelDimensions, limits: ImportLimits, unit: string): ImportWarning[] {
  const largest = Math.max(dimensions.width, dimensions.height, dimensions.depth);
  if (largest >= limits.plausibleSizeM.min && largest <= limits.plausibleSizeM.max) return [];
  const size = `${cm(dimensions.width)} × ${cm(dimensions.height)} × ${cm(dimensions.depth)} cm`;
  return [
    {
      code: 'implausible-size',
      message: `The model measures ${size} (W × H × D), which is ${largest > limits.plausibleSizeM.max ? 'very large' : 'very small'} for a product: check its unit (read as ${unit}) and correct the size before saving.`,
      params: { width: dimensions.width, height: dimensions.height, depth: dimensions.depth, unit },
    },
  ];
}

function checkTriangles(document: Document, limits: ImportLimits, name: string): void {
  const triangles = document
    .getRoot()
    .listMeshes()
    .flatMap((mesh) => mesh.listPrimitives())
    .reduce((sum, primitive) => sum + triangleCount(primitive), 0);
  if (triangles > limits.maxTriangles) {
    throw new ImportError('too-detailed', `${name} has ${triangles.toLocaleString('en')} triangles; the limit is ${limits.maxTriangles.toLocaleString('en')}. Simplify the model and retry.`, {
      file: name,
      triangles,
      limit: limits.maxTriangles,
    });
  }
}

/** Writes working.glb, model.glb and import.json into `dir` (the original must be there already, named `originalFile`). */
export async function storeModel(draft: ModelDraft, dir: string, originalFile: string, limits: ImportLimits, clock: StageClock): Promise<ImportRecord> {
  const { document, ...about } = draft;
  const label = about.sourceNames[0] ?? 'the model';
  checkTriangles(document, limits, label);
  const io = await gltfIO();
  const working = await io.writeBinary(document);
  const bounds = keyedBounds(document);
  clock.start('optimizing', 0.6);
  const optimized = await io.writeBinary(await optimizeModel(document, limits.maxTextureSize));
  clock.start('checking', 0.85);
  const report = await validateGltf(optimized, 'glb');
  if (report.numErrors > 0) throw new Error(`the optimized model fails the glTF validator: ${report.errors.join('; ')}`);
  const root = document.getRoot().getDefaultScene()?.listChildren()[0];
  if (!root) throw new Error('the optimized model lost its root node');
  const tree = partTree(root, bounds);
  const dimensions = dimensionsOf(tree.bounds);
  const unit = about.units.source === 'mixed' || about.units.source === 'unknown' ? 'the file’s units' : about.units.source;
  const record: ImportRecord = {
    ...about,
    warnings: [...about.warnings.filter((warning) => warning.code !== 'implausible-size'), ...sizeWarnings(dimensions, limits, unit)],
    dimensions,
    tree,
    stats: modelStats(document, tree),
    files: { model: MODEL_FILE, working: WORKING_FILE, original: originalFile },
  };
  clock.start('storing', 0.95);
  await Promise.all([
    writeFile(path.join(dir, WORKING_FILE), working),
    writeFile(path.join(dir, MODEL_FILE), optimized),
    writeFile(path.join(dir, RECORD_FILE), `${JSON.stringify(record, null, 2)}\n`),
  ]);
  return record;
}
