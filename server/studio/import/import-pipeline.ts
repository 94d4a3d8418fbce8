// The import itself, as the worker runs it: read the upload, convert it to glTF, place it, key its nodes, store it.
import type { Document } from '@gltf-transform/core';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ImportProgress, ImportRecord, ImportWarning, LengthUnit } from './import-types.ts';
import { removeNonModelContent } from './model-cleanup.ts';
import { assignStudioIds } from './node-ids.ts';
import { placeModel } from './placement.ts';
import { readGlb, readGltf } from './read-gltf.ts';
import { readStep } from './read-step.ts';
import { readUpload, type UploadBundle } from './read-upload.ts';
import { createStageClock, type StageClock } from './stage-clock.ts';
import { storeModel } from './store-model.ts';
import type { ImportJob, StagedImport } from './worker-protocol.ts';
import type { ArchiveEntry } from './unzip.ts';

const METRES_PER_UNIT: Record<LengthUnit, number> = { m: 1, cm: 0.01, mm: 0.001, in: 0.0254, ft: 0.3048 };

interface ConvertedModel {
  document: Document;
  units: ImportRecord['units'];
  upAxis: 'y' | 'z';
  warnings: ImportWarning[];
  used: Set<ArchiveEntry>;
}

function assumedUnitWarning(name: string, format: string, unit: LengthUnit): ImportWarning {
  return {
    code: 'assumed-unit',
    message: `${format} files carry no unit; ${name} was read in ${unit}. If the size looks wrong, import it again with its unit.`,
    params: { file: name, unit },
  };
}

async function convert(bundle: UploadBundle, job: ImportJob, clock: StageClock): Promise<ConvertedModel> {
  const { model, resources } = bundle;
  switch (model.format) {
    case 'glb':
    case 'gltf': {
      clock.start('validating', 0.1);
      const read = model.format === 'glb' ? await readGlb(model) : await readGltf(model, resources);
      clock.start('converting', 0.3);
      return { document: read.document, units: { source: 'm', from: 'format' }, upAxis: 'y', warnings: read.warnings, used: read.used };
    }
    case 'step': {
      clock.start('converting', 0.1);
      const read = await readStep(model, job.limits);
      const units: ImportRecord['units'] = read.unit === 'unknown' ? { source: 'unknown', from: 'assumed' } : { source: read.unit, from: 'file' };
      return { document: read.document, units, upAxis: 'z', warnings: read.warnings, used: new Set() };
    }
    case 'obj':
    case 'stl': {
      clock.start('converting', 0.1);
      const unit = job.unit ?? (model.format === 'obj' ? 'm' : 'mm');
      const { readObj, readStl } = await import('./read-mesh-file.ts');
      const read = model.format === 'obj' ? readObj(model, resources, METRES_PER_UNIT[unit]) : readStl(model, METRES_PER_UNIT[unit]);
      const warnings = job.unit ? read.warnings : [...read.warnings, assumedUnitWarning(model.name, model.format.toUpperCase(), unit)];
      return { document: read.document, units: { source: unit, from: job.unit ? 'option' : 'assumed' }, upAxis: model.format === 'stl' ? 'z' : 'y', warnings, used: read.used };
    }
  }
}

function unusedWarning(resources: ArchiveEntry[], used: Set<ArchiveEntry>): ImportWarning[] {
  const unused = resources.filter((entry) => !used.has(entry)).map((entry) => entry.name);
  if (unused.length === 0) return [];
  return [{ code: 'unused-files', message: `Not used by the model, and left out: ${unused.join(', ')}.`, params: { files: unused.join(', '), count: unused.length } }];
}

const baseName = (name: string): string => path.posix.basename(name.replace(/\\/g, '/')).replace(/\.[^.]+$/, '') || 'model';

export async function runImport(job: ImportJob, report: (progress: ImportProgress) => void): Promise<StagedImport> {
  const clock = createStageClock(report);
  clock.start('reading', 0.02);
  const bundle = await readUpload(job.files, job.limits);
  const converted = await convert(bundle, job, clock);
  const removed = removeNonModelContent(converted.document, bundle.model.name);
  const root = placeModel(converted.document, job.name?.trim() || baseName(bundle.model.name), converted.upAxis);
  assignStudioIds(converted.document, root);
  const originalFile = `original.${bundle.original.extension}`;
  await writeFile(path.join(job.stagingDir, originalFile), bundle.original.bytes);
  const record = await storeModel(
    {
      document: converted.document,
      format: bundle.model.format,
      sourceNames: job.files.map((file) => file.name),
      units: converted.units,
      upAxis: { source: converted.upAxis, converted: converted.upAxis !== 'y' },
      warnings: [...bundle.warnings, ...converted.warnings, ...removed, ...unusedWarning(bundle.resources, converted.used)],
    },
    job.stagingDir,
    originalFile,
    job.limits,
    clock,
  );
  return { record, durations: clock.stop() };
}
