// The import worker: the server's event loop keeps answering during an import, and the worker loads TypeScript the
// way the server process does (`node --import tsx`), not only under the test runner.
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeImportWorker, importModel, prepareImport, type ImportResult } from '../../server/studio/import/index.ts';
import { STEP_SAMPLE, STEREO_BIN, STEREO_GLTF, WORKER_TEST_TIMEOUT, scratchDir } from '../fixtures/studio/model-fixtures.ts';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = fileURLToPath(new URL('../fixtures/studio/import-cli.ts', import.meta.url));
let root: string;
let server: Server;
let baseUrl: string;

beforeAll(async () => {
  root = await scratchDir();
  server = createServer((_request, response) => response.end('ok'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await closeImportWorker();
  await new Promise((resolve) => server.close(resolve));
  await rm(root, { recursive: true, force: true });
});

describe('the import worker', { timeout: WORKER_TEST_TIMEOUT }, () => {
  it('leaves the event loop free: HTTP requests are answered while a STEP assembly is converted', async () => {
    let done = false;
    const importing = importModel([{ name: 'as1.stp', path: STEP_SAMPLE }], {
      outputDir: path.join(root, 'served'),
      onProgress: () => {
        throw new Error('a listener that fails must not stop the import');
      },
    }).finally(() => {
      done = true;
    });
    let answered = 0;
    while (!done) {
      if ((await (await fetch(baseUrl)).text()) === 'ok' && !done) answered += 1;
    }
    expect((await importing).ok).toBe(true);
    expect(answered).toBeGreaterThan(10);
  });

  it('takes an import in a worker prepared ahead, while it is still loading its libraries', async () => {
    await closeImportWorker();
    prepareImport();
    const result = await importModel([{ name: 'as1.stp', path: STEP_SAMPLE }], { outputDir: path.join(root, 'prepared') });
    expect(result).toMatchObject({ ok: true, stats: { primitives: 18 } });
  });

  it('runs under `node --import tsx`, the way the server starts', async () => {
    const outputDir = path.join(root, 'cli');
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', CLI, outputDir, STEREO_GLTF, STEREO_BIN], { cwd: REPO_ROOT });
    const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as ImportResult;
    expect(result).toMatchObject({ ok: true, format: 'gltf', directory: outputDir, tree: { children: [{ name: 'hifiStereo' }] } });
  });
});
