// Splitting a stored model's node, as the worker runs it: edit the working model, then optimize and store it again.
import { copyFile, link, readFile } from 'node:fs/promises';
import path from 'node:path';
import { gltfIO } from './gltf-io.ts';
import type { ImportProgress, ImportRecord } from './import-types.ts';
import { assignStudioIds, findStudioNode } from './node-ids.ts';
import { ImportError } from './refusal.ts';
import { splitNode } from './split-node.ts';
import { createStageClock } from './stage-clock.ts';
import { storeModel } from './store-model.ts';
import { RECORD_FILE, type SplitJob, type StagedImport } from './worker-protocol.ts';

/** The original upload never changes: the new folder shares it (a hard link), or copies it across file systems. */
async function keepOriginal(from: string, to: string): Promise<void> {
  try {
    await link(from, to);
  } catch {
    await copyFile(from, to);
  }
}

export async function runSplit(job: SplitJob, report: (progress: ImportProgress) => void): Promise<StagedImport> {
  const clock = createStageClock(report);
  clock.start('reading', 0.02);
  const stored = JSON.parse(await readFile(path.join(job.sourceDir, RECORD_FILE), 'utf8')) as ImportRecord;
  const document = await (await gltfIO()).read(path.join(job.sourceDir, stored.files.working));
  clock.start('converting', 0.2);
  const node = findStudioNode(document, job.nodeId);
  if (!node) throw new ImportError('unknown-node', `The model has no node "${job.nodeId}"; reload the parts tree and pick the part again.`, { node: job.nodeId });
  splitNode(document, node, job.mode);
  const root = document.getRoot().getDefaultScene()?.listChildren()[0];
  if (!root) throw new Error('the working model has no root node');
  assignStudioIds(document, root);
  await keepOriginal(path.join(job.sourceDir, stored.files.original), path.join(job.stagingDir, stored.files.original));
  const { format, sourceNames, units, upAxis, warnings } = stored;
  const record = await storeModel({ document, format, sourceNames, units, upAxis, warnings }, job.stagingDir, stored.files.original, job.limits, clock);
  return { record, durations: clock.stop() };
}
