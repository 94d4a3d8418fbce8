// Splitting a merged mesh of a stored import into pickable parts, by material or by connected pieces.
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importModel, readStoredImport, splitModelPart, type ImportRefusal, type ImportResult, type PartNode } from '../../server/studio/import/index.ts';
import { nodeByStudioId, readGlb, validatorErrors } from '../fixtures/studio/inspect-glb.ts';
import { STEREO_BIN, STEREO_GLTF, WORKER_TEST_TIMEOUT, glbBytes, mergedMeshDocument, scratchDir, twoMergedNodesDocument, uploads } from '../fixtures/studio/model-fixtures.ts';

let root: string;

beforeAll(async () => {
  root = await scratchDir();
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function succeeded(result: ImportResult | ImportRefusal): ImportResult {
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  return result;
}

async function importInto(name: string, files: Array<{ name: string; path: string }>): Promise<ImportResult> {
  return succeeded(await importModel(files, { outputDir: path.join(root, name) }));
}

/** Only the import folder itself is beside it: no staging or previous copies. */
async function expectAloneInParent(directory: string): Promise<void> {
  const siblings = await readdir(path.dirname(directory));
  expect(siblings.filter((name) => name.startsWith(path.basename(directory)))).toEqual([path.basename(directory)]);
}

describe('splitting merged meshes', { timeout: WORKER_TEST_TIMEOUT }, () => {
  it('splits the stereo’s one mesh into a part per material, each its own node, and stores it valid', async () => {
    const stereo = await importInto('stereo', [
      { name: 'stereo.gltf', path: STEREO_GLTF },
      { name: 'stereo.bin', path: STEREO_BIN },
    ]);
    const merged = stereo.tree.children[0] as PartNode;
    const original = await readFile(stereo.original.path);
    const split = succeeded(await splitModelPart(stereo.directory, merged.id, 'material'));
    const node = split.tree.children[0] as PartNode;
    expect(node).toMatchObject({ id: merged.id, name: 'hifiStereo', meshCount: 3 });
    expect(node.children.map((child) => [child.name, child.meshCount])).toEqual([
      ['lambert3SG', 1],
      ['lambert4SG', 1],
      ['lambert2SG', 1],
    ]);
    expect(node.children.map((child) => child.slug)).toEqual(['lambert3sg', 'lambert4sg', 'lambert2sg']);
    expect(split.stats.primitives).toBe(3);
    expect(split.dimensions).toEqual(stereo.dimensions);
    expect(split.warnings).toEqual(stereo.warnings);
    expect(await validatorErrors(split.model.path)).toEqual([]);
    expect(await validatorErrors(split.working.path)).toEqual([]);
    const document = await readGlb(split.model.path);
    for (const child of node.children) expect(nodeByStudioId(document, child.id)?.getName()).toBe(child.name);
    expect(await readFile(split.original.path)).toEqual(original);
    expect(await readStoredImport(stereo.directory)).toMatchObject({ tree: split.tree, stats: split.stats });
    await expectAloneInParent(stereo.directory);
  });

  it('splits an unnamed merged node into its connected pieces, then refuses to split a piece that is one already', async () => {
    const merged = await importInto('merged', await uploads(root, { 'merged.glb': await glbBytes(mergedMeshDocument()) }));
    const node = merged.tree.children[0] as PartNode;
    expect(node).toMatchObject({ name: 'Merged', slug: 'merged-2', meshCount: 2, children: [] });
    const split = succeeded(await splitModelPart(merged.directory, node.id, 'connected'));
    const pieces = (split.tree.children[0] as PartNode).children;
    expect(pieces.map((piece) => [piece.name, piece.triangleCount])).toEqual([
      ['Merged piece 1', 12],
      ['Merged piece 2', 12],
      ['Merged piece 3', 12],
    ]);
    const xCentres = pieces.map((piece) => Math.round(((piece.bounds.min[0] + piece.bounds.max[0]) / 2) * 100) / 100);
    expect(xCentres).toEqual([-0.2, 0.2, 0]);
    expect(await validatorErrors(split.model.path)).toEqual([]);
    const piece = pieces[0] as PartNode;
    const again = await splitModelPart(merged.directory, piece.id, 'connected');
    expect(again).toMatchObject({ ok: false, code: 'nothing-to-split', params: { node: 'Merged piece 1' } });
    expect(await splitModelPart(merged.directory, piece.id, 'material')).toMatchObject({ ok: false, code: 'nothing-to-split' });
    expect(await splitModelPart(merged.directory, 'n999', 'material')).toMatchObject({ ok: false, code: 'unknown-node' });
    expect(await readStoredImport(merged.directory)).toMatchObject({ tree: split.tree });
    await expectAloneInParent(merged.directory);
  });

  it('runs two splits of one model asked at once one after the other, so neither loses the other’s parts', async () => {
    const model = await importInto('two', await uploads(root, { 'two.glb': await glbBytes(twoMergedNodesDocument()) }));
    const [left, right] = model.tree.children as [PartNode, PartNode];
    const [first, second] = await Promise.all([splitModelPart(model.directory, left.id, 'material'), splitModelPart(model.directory, right.id, 'material')]);
    expect([first.ok, second.ok]).toEqual([true, true]);
    const stored = await readStoredImport(model.directory);
    expect(stored.tree.children.map((node) => [node.name, node.children.map((child) => child.name)])).toEqual([
      ['Left', ['Red', 'Grey']],
      ['Right', ['Red', 'Grey']],
    ]);
    expect(new Set(flattenSlugs(stored.tree)).size).toBe(flattenSlugs(stored.tree).length);
    await expectAloneInParent(model.directory);
  });
});

function flattenSlugs(node: PartNode): string[] {
  return [node.slug, ...node.children.flatMap(flattenSlugs)];
}
