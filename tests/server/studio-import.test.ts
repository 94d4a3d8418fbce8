// Studio import of real files made by other tools (a STEP AP214 assembly, a Blender glTF) and of models the tests make.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { unzipSync } from 'fflate';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlugSchema } from '../../core/catalog.ts';
import { importModel, type ImportOptions, type ImportProgress, type ImportRefusal, type ImportResult, type PartNode } from '../../server/studio/import/index.ts';
import { nodeByStudioId, readGlb, validatorErrors, vertexBounds } from '../fixtures/studio/inspect-glb.ts';
import {
  STEP_SAMPLE,
  STEREO_BIN,
  STEREO_GLTF,
  WORKER_TEST_TIMEOUT,
  dracoGlbBytes,
  glbBytes,
  gltfFiles,
  namedPartsDocument,
  scratchDir,
  stepSampleInInches,
  tallBoxStl,
  twoPartObj,
  uploads,
  zipOf,
} from '../fixtures/studio/model-fixtures.ts';

let root: string;
let count = 0;

beforeAll(async () => {
  root = await scratchDir();
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function imported(files: Array<{ name: string; path: string }>, options: Omit<ImportOptions, 'outputDir'> = {}): Promise<ImportResult> {
  const result = await importModel(files, { ...options, outputDir: path.join(root, `import-${(count += 1)}`) });
  if (!result.ok) throw new Error(`refused: ${(result as ImportRefusal).message}`);
  return result;
}

function expectDimensions(result: ImportResult, [width, height, depth]: [number, number, number]): void {
  expect(result.dimensions.width).toBeCloseTo(width, 4);
  expect(result.dimensions.height).toBeCloseTo(height, 4);
  expect(result.dimensions.depth).toBeCloseTo(depth, 4);
}

const flatten = (node: PartNode): PartNode[] => [node, ...node.children.flatMap(flatten)];
const names = (node: PartNode): string[] => node.children.map((child) => child.name);

/** Both stored GLBs pass the Khronos validator with no error. */
async function expectValidStoredModels(result: ImportResult): Promise<void> {
  expect(await validatorErrors(result.model.path)).toEqual([]);
  expect(await validatorErrors(result.working.path)).toEqual([]);
}

/** The proposed slugs are valid part ids and unique; every key names a node of the served GLB. */
async function expectKeyedTree(result: ImportResult): Promise<void> {
  const nodes = flatten(result.tree);
  for (const node of nodes) expect(SlugSchema.safeParse(node.slug).success, node.slug).toBe(true);
  expect(new Set(nodes.map((node) => node.slug)).size).toBe(nodes.length);
  const document = await readGlb(result.model.path);
  for (const node of nodes) expect(nodeByStudioId(document, node.id)?.getName()).toBe(node.name);
}

describe('the sample files', { timeout: WORKER_TEST_TIMEOUT }, () => {
  it('imports the STEP AP214 assembly in mm with its sub-assemblies and parts named, Y up, at its real size', async () => {
    const progress: ImportProgress[] = [];
    const result = await imported([{ name: 'as1-oc-214.stp', path: STEP_SAMPLE }], { onProgress: (update) => progress.push(update) });
    expect(result).toMatchObject({ format: 'step', units: { source: 'mm', from: 'file' }, upAxis: { source: 'z', converted: true }, warnings: [] });
    // 200 × 150 mm in the CAD's XY plane and 84 mm along its Z: the plate lies flat, the brackets stand up.
    expectDimensions(result, [0.2, 0.084, 0.15]);
    const [assembly] = result.tree.children;
    expect(assembly?.name).toBe('as1');
    expect(assembly && names(assembly)).toEqual(['rod-assembly', 'l-bracket-assembly', 'plate', 'l-bracket-assembly']);
    const leaves = flatten(result.tree).filter((node) => node.children.length === 0);
    const tally = Object.fromEntries(['nut', 'bolt', 'rod', 'plate', 'l-bracket'].map((name) => [name, leaves.filter((leaf) => leaf.name === name).length]));
    expect(tally).toEqual({ nut: 8, bolt: 6, rod: 1, plate: 1, 'l-bracket': 2 });
    expect(leaves.every((leaf) => leaf.meshCount === 1 && leaf.triangleCount > 0)).toBe(true);
    expect(result.stats).toMatchObject({ primitives: 18, triangles: result.tree.triangleCount });
    await expectKeyedTree(result);
    await expectValidStoredModels(result);
    const stored = vertexBounds((await readGlb(result.model.path)).getRoot().getDefaultScene()?.listChildren()[0] ?? missingRoot());
    expect(stored.min[1]).toBeCloseTo(0, 3);
    expect((stored.max[0] ?? 0) - (stored.min[0] ?? 0)).toBeCloseTo(0.2, 3);
    expect(result.model.bytes).toBeLessThan(result.working.bytes * 0.4);
    expect(await readFile(result.original.path)).toEqual(await readFile(STEP_SAMPLE));
    expect(result.memory.peakBytes).toBeGreaterThan(result.memory.peakHeapBytes);
    expect(progress.map((update) => update.stage)).toEqual(['reading', 'converting', 'optimizing', 'checking', 'storing', 'storing']);
    expect(progress.map((update) => update.fraction)).toEqual([...progress.map((update) => update.fraction)].sort((a, b) => a - b));
    expect(progress.at(-1)?.fraction).toBe(1);
  });

  it('imports the Blender glTF with its separate .bin, repairing its 8-bit restart indices and leaving out camera and lamp', async () => {
    const result = await imported([
      { name: 'stereo.gltf', path: STEREO_GLTF },
      { name: 'stereo.bin', path: STEREO_BIN },
    ]);
    expect(result).toMatchObject({ format: 'gltf', units: { source: 'm', from: 'format' }, upAxis: { source: 'y', converted: false } });
    expect(result.warnings.map((warning) => warning.code)).toEqual(['repaired', 'removed-nodes']);
    expect(result.warnings[0]?.params).toMatchObject({ codes: 'ACCESSOR_INDEX_PRIMITIVE_RESTART' });
    expect(result.warnings[1]?.params).toMatchObject({ cameras: 1, emptyNodes: 3 });
    expect(names(result.tree)).toEqual(['hifiStereo']);
    expect(result.tree.children[0]).toMatchObject({ meshCount: 3, slug: 'hifistereo' });
    expectDimensions(result, [0.27118, 0.39238, 0.27118]);
    await expectKeyedTree(result);
    await expectValidStoredModels(result);
    expect(Object.keys(unzipSync(new Uint8Array(await readFile(result.original.path)))).sort()).toEqual(['stereo.bin', 'stereo.gltf']);
  });
});

function missingRoot(): never {
  throw new Error('the stored model has no root node');
}

describe('models the tests make', { timeout: WORKER_TEST_TIMEOUT }, () => {
  it('keeps named parts and their hierarchy from a GLB, and resizes its texture', async () => {
    const result = await imported(await uploads(root, { 'grinder.glb': await glbBytes(await namedPartsDocument(512)) }), { limits: { maxTextureSize: 128 } });
    expect(names(result.tree)).toEqual(['Grinder']);
    const grinder = result.tree.children[0];
    expect(grinder && names(grinder)).toEqual(['Body', 'Hopper', 'Button']);
    expect(grinder?.children[1] && names(grinder.children[1])).toEqual(['Lid']);
    expect(flatten(result.tree).map((node) => node.slug)).toEqual(['grinder', 'grinder-2', 'body', 'hopper', 'lid', 'button']);
    expectDimensions(result, [0.21, 0.42, 0.2]);
    expect(result.stats).toMatchObject({ textures: 1, primitives: 4 });
    const texture = (await readGlb(result.model.path)).getRoot().listTextures()[0]?.getImage();
    expect(await sharp(texture ?? new Uint8Array()).metadata()).toMatchObject({ width: 128, height: 128, format: 'png' });
    await expectKeyedTree(result);
    await expectValidStoredModels(result);
  });

  it('finds a .gltf, its .bin and its texture inside a zip folder, and names the file it did not use', async () => {
    const files = await gltfFiles(await namedPartsDocument(64), 'grinder');
    const zip = zipOf({ ...Object.fromEntries(Object.entries(files).map(([name, bytes]) => [`grinder/${name}`, bytes])), 'grinder/notes.txt': 'measured by hand' });
    const result = await imported(await uploads(root, { 'grinder.zip': zip }));
    expect(result.format).toBe('gltf');
    expect(flatten(result.tree).map((node) => node.name)).toEqual(['grinder', 'Grinder', 'Body', 'Hopper', 'Lid', 'Button']);
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'unused-files', params: { files: 'grinder/notes.txt', count: 1 } })]);
    expect(result.original.path.endsWith('original.zip')).toBe(true);
    await expectValidStoredModels(result);
  });

  it('reads a STEP file in inches: the same numbers come out 25.4 times larger', async () => {
    const result = await imported(await uploads(root, { 'as1-inch.step': await stepSampleInInches() }));
    expect(result.units).toEqual({ source: 'in', from: 'file' });
    expectDimensions(result, [0.2 * 25.4, 0.084 * 25.4, 0.15 * 25.4]);
    await expectValidStoredModels(result);
  });

  it('stands a Z-up STL in millimetres upright at its size, saying which unit it assumed', async () => {
    const result = await imported(await uploads(root, { 'tall-box.stl': tallBoxStl() }));
    expect(result).toMatchObject({ format: 'stl', units: { source: 'mm', from: 'assumed' }, upAxis: { source: 'z', converted: true } });
    expectDimensions(result, [0.1, 0.3, 0.1]);
    expect(result.warnings.map((warning) => warning.code)).toEqual(['assumed-unit']);
    await expectValidStoredModels(result);
  });

  it('warns when the size is implausible: the same STL read in metres is 300 m tall', async () => {
    const result = await imported(await uploads(root, { 'tall-box.stl': tallBoxStl() }), { unit: 'm' });
    expect(result.units).toEqual({ source: 'm', from: 'option' });
    expectDimensions(result, [100, 300, 100]);
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'implausible-size', message: expect.stringContaining('10000 × 30000 × 10000 cm') })]);
  });

  it('reads OBJ objects as parts, coloured from the .mtl uploaded with it', async () => {
    const { obj, mtl } = twoPartObj();
    const result = await imported(await uploads(root, { 'door.obj': obj, 'parts.mtl': mtl }));
    expect(result).toMatchObject({ format: 'obj', units: { source: 'm', from: 'assumed' } });
    expect(names(result.tree)).toEqual(['Door', 'Handle']);
    const materials = (await readGlb(result.model.path)).getRoot().listMaterials().map((material) => material.getName());
    expect(materials.sort()).toEqual(['Blue', 'Steel']);
    await expectValidStoredModels(result);
  });

  it('reads a Draco-compressed GLB and stores it meshopt-compressed instead', async () => {
    const result = await imported(await uploads(root, { 'grinder.glb': await dracoGlbBytes(await namedPartsDocument(64)) }));
    expect(flatten(result.tree).map((node) => node.name)).toEqual(['grinder', 'Grinder', 'Body', 'Hopper', 'Lid', 'Button']);
    expectDimensions(result, [0.21, 0.42, 0.2]);
    const extensions = (await readGlb(result.model.path)).getRoot().listExtensionsUsed().map((extension) => extension.extensionName);
    expect(extensions).toContain('EXT_meshopt_compression');
    expect(extensions).not.toContain('KHR_draco_mesh_compression');
    await expectValidStoredModels(result);
  });

  it('goes by content when the extension lies, and says so', async () => {
    const result = await imported(await uploads(root, { 'grinder.stl': await glbBytes(await namedPartsDocument(64)) }));
    expect(result.format).toBe('glb');
    expect(result.warnings).toEqual([expect.objectContaining({ code: 'renamed-format', params: { file: 'grinder.stl', claimed: 'stl', actual: 'glb' } })]);
  });
});
