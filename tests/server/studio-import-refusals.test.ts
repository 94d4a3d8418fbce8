// Studio import refusals: every bad upload is refused in words with a code, and nothing half-imported is left behind.
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importModel, type ImportOptions, type ImportRefusal, type ImportResult } from '../../server/studio/import/index.ts';
import { STEP_SAMPLE, STEREO_BIN, WORKER_TEST_TIMEOUT, STEREO_GLTF, glbBytes, gltfFiles, namedPartsDocument, scratchDir, stepWithoutGeometry, uploads, zipOf } from '../fixtures/studio/model-fixtures.ts';

let root: string;
let grinderGlb: Uint8Array;
let count = 0;

beforeAll(async () => {
  root = await scratchDir();
  grinderGlb = await glbBytes(await namedPartsDocument(64));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function outputDir(): string {
  return path.join(root, 'imports', `import-${(count += 1)}`);
}

async function refused(files: Array<{ name: string; path: string }>, options: Omit<ImportOptions, 'outputDir'> = {}): Promise<ImportRefusal> {
  const target = outputDir();
  const result: ImportResult | ImportRefusal = await importModel(files, { ...options, outputDir: target });
  if (result.ok) throw new Error(`imported, expected a refusal (${result.format}, ${result.stats.triangles} triangles)`);
  const left = await readdir(path.dirname(target)).catch(() => []);
  expect(left.filter((name) => name.startsWith(path.basename(target)))).toEqual([]);
  return result;
}

describe('refusals, in words', { timeout: WORKER_TEST_TIMEOUT }, () => {
  it('refuses a GLB cut short, naming the file', async () => {
    const refusal = await refused(await uploads(root, { 'grinder.glb': grinderGlb.subarray(0, 300) }));
    expect(refusal).toMatchObject({ code: 'corrupt', params: { file: 'grinder.glb' } });
    expect(refusal.message).toMatch(/^grinder\.glb is damaged or cut short \(GLB_UNEXPECTED_END_OF_CHUNK_DATA/);
  });

  it('refuses bytes that are no model, saying what the extension claimed', async () => {
    const refusal = await refused(await uploads(root, { 'pump.glb': new Uint8Array(4096).map((_, index) => (index * 7919) % 251) }));
    expect(refusal).toMatchObject({ code: 'unknown-format', params: { file: 'pump.glb', claimed: 'glb' } });
    expect(refusal.message).toContain('pump.glb is named like a glTF binary (GLB) file, but its content is not');
  });

  it('refuses an upload with no model in it', async () => {
    const refusal = await refused(await uploads(root, { 'notes.txt': 'measure twice' }));
    expect(refusal).toMatchObject({ code: 'no-model' });
    expect(refusal.message).toContain('notes.txt');
  });

  it('refuses files over the limits, saying which limit', async () => {
    const large = await refused([{ name: 'stereo.bin', path: STEREO_BIN }], { limits: { maxFileBytes: 20_000 } });
    expect(large).toMatchObject({ code: 'too-large', message: 'stereo.bin is 35.5 KB; the limit is 19.5 KB per file.', params: { file: 'stereo.bin', limit: 20_000 } });
    const total = await refused(
      [
        { name: 'stereo.gltf', path: STEREO_GLTF },
        { name: 'stereo.bin', path: STEREO_BIN },
      ],
      { limits: { maxUploadBytes: 40_000 } },
    );
    expect(total).toMatchObject({ code: 'too-large', message: 'The files add up to 45.6 KB; the limit is 39.1 KB per upload.' });
    const zip = zipOf({ 'grinder.glb': grinderGlb });
    const unpacked = await refused(await uploads(root, { 'grinder.zip': zip }), { limits: { maxUnpackedBytes: 1000 } });
    expect(unpacked).toMatchObject({ code: 'too-large', params: { file: 'grinder.zip', limit: 1000 } });
  });

  it('refuses a zip whose entries climb out of it, or that holds too many', async () => {
    const climbing = await refused(await uploads(root, { 'model.zip': zipOf({ 'model.glb': grinderGlb, '../../outside.glb': grinderGlb }) }));
    expect(climbing).toMatchObject({ code: 'unsafe-archive', params: { file: 'model.zip', entry: '../../outside.glb' } });
    const many = await refused(await uploads(root, { 'model.zip': zipOf({ 'model.glb': grinderGlb, 'a.txt': 'a', 'b.txt': 'b' }) }), { limits: { maxZipEntries: 2 } });
    expect(many).toMatchObject({ code: 'unsafe-archive', message: 'model.zip holds 3 files; a zip may hold at most 2.' });
  });

  it('refuses a .gltf whose .bin and texture were not uploaded, naming them', async () => {
    const files = await gltfFiles(await namedPartsDocument(64), 'grinder');
    const refusal = await refused(await uploads(root, { 'grinder.gltf': files['grinder.gltf'] ?? '' }));
    expect(refusal).toMatchObject({ code: 'missing-resource', params: { file: 'grinder.gltf', missing: 'grinder.bin, checker.png' } });
    expect(refusal.message).toContain('grinder.gltf needs "grinder.bin", "checker.png", which were not uploaded with it');
  });

  it('refuses a glTF the Khronos validator finds errors in, quoting one', async () => {
    const json = JSON.parse(await readFile(STEREO_GLTF, 'utf8')) as { nodes: Array<{ mesh?: number }> };
    json.nodes[2] = { ...json.nodes[2], mesh: 7 };
    const refusal = await refused(await uploads(root, { 'stereo.gltf': JSON.stringify(json), 'stereo.bin': await readFile(STEREO_BIN) }));
    expect(refusal).toMatchObject({ code: 'invalid-gltf', params: { file: 'stereo.gltf' } });
    expect(refusal.message).toContain('UNRESOLVED_REFERENCE at /nodes/2/mesh');
  });

  it('refuses a STEP file with no shape, and one cut short', async () => {
    const empty = await refused(await uploads(root, { 'empty.stp': stepWithoutGeometry() }));
    expect(empty).toMatchObject({ code: 'no-geometry', params: { file: 'empty.stp' } });
    const cut = (await readFile(STEP_SAMPLE)).subarray(0, 200_000);
    const truncated = await refused(await uploads(root, { 'as1.step': cut }));
    expect(truncated).toMatchObject({ code: 'corrupt', params: { file: 'as1.step' } });
  });

  it('refuses two models in one upload', async () => {
    const refusal = await refused(await uploads(root, { 'a.glb': grinderGlb, 'b.glb': grinderGlb }));
    expect(refusal).toMatchObject({ code: 'several-models', message: 'The upload holds 2 models (a.glb, b.glb); import one product at a time.' });
  });

  it('refuses too many files and too many triangles', async () => {
    const files = await uploads(root, { 'a.glb': grinderGlb, 'b.txt': 'b', 'c.txt': 'c' });
    expect(await refused(files, { limits: { maxFiles: 2 } })).toMatchObject({ code: 'too-many-files', params: { count: 3, limit: 2 } });
    expect(await refused(await uploads(root, { 'a.glb': grinderGlb }), { limits: { maxTriangles: 10 } })).toMatchObject({ code: 'too-detailed', params: { triangles: 48, limit: 10 } });
  });
});

describe('a worker that fails', { timeout: WORKER_TEST_TIMEOUT }, () => {
  it('stops an import that runs past its time limit, and the process goes on', async () => {
    const refusal = await refused([{ name: 'as1.stp', path: STEP_SAMPLE }], { limits: { timeoutMs: 200 } });
    expect(refusal).toMatchObject({ code: 'timeout', message: expect.stringContaining('longer than 200 ms') });
  });

  it('turns a worker that runs out of memory into a refusal', async () => {
    const refusal = await refused([{ name: 'as1.stp', path: STEP_SAMPLE }], { limits: { maxWorkerHeapMb: 4 } });
    expect(refusal).toMatchObject({ code: 'out-of-memory', params: { limitMb: 4 } });
  });

  it('refuses to write over an existing folder', async () => {
    const target = outputDir();
    await importModel(await uploads(root, { 'a.glb': grinderGlb }), { outputDir: target });
    await expect(importModel(await uploads(root, { 'a.glb': grinderGlb }), { outputDir: target })).rejects.toThrow('already exists');
  });
});
