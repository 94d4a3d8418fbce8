// Reads a glTF or GLB upload into a document after the Khronos validator has passed it (warnings kept, errors refuse
// unless they are the few that can be repaired safely).
import type { Document, GLTF } from '@gltf-transform/core';
import { enableDracoDecoding, gltfIO } from './gltf-io.ts';
import { resolveGltfResources } from './gltf-resources.ts';
import type { ImportWarning } from './import-types.ts';
import { ImportError } from './refusal.ts';
import { REPAIRABLE_ERRORS, widenRestartIndices } from './repair-gltf.ts';
import type { ArchiveEntry } from './unzip.ts';
import { validateGltf, type ValidationSummary } from './validate-gltf.ts';

export interface ReadModel {
  document: Document;
  warnings: ImportWarning[];
  /** Uploaded files the model used besides its own. */
  used: Set<ArchiveEntry>;
}

const INPUT_COMPRESSION = new Set(['KHR_draco_mesh_compression', 'EXT_meshopt_compression']);

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));
const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** Validator errors that mean the bytes are damaged or cut short rather than a model breaking a rule. */
const isDamage = (code: string): boolean => code.startsWith('GLB_') || ['INVALID_JSON', 'INVALID_JSON_ROOT_OBJECT', 'BUFFER_BYTE_LENGTH_MISMATCH', 'IO_ERROR'].includes(code);

/** Warnings for the report; throws when it has errors this module cannot repair. Returns whether a repair is due. */
function checkReport(name: string, report: ValidationSummary): { warnings: ImportWarning[]; repair: boolean } {
  if (report.errorCodes?.some(isDamage)) {
    throw new ImportError('corrupt', `${name} is damaged or cut short (${report.errors[0] ?? 'unreadable'}). Upload it again, or export it again.`, { file: name, first: report.errors[0] ?? '' });
  }
  const repair = report.numErrors > 0 && report.errorCodes !== null && report.errorCodes.every((code) => REPAIRABLE_ERRORS.has(code));
  if (report.numErrors > 0 && !repair) {
    throw new ImportError(
      'invalid-gltf',
      `${name} breaks the glTF 2.0 rules in ${plural(report.numErrors, 'place')} (Khronos glTF validator), for example: ${report.errors.join('; ')}. Export it again or repair it, then retry.`,
      { file: name, errors: report.numErrors, first: report.errors[0] ?? '' },
    );
  }
  const warnings: ImportWarning[] = [];
  if (repair) {
    warnings.push({
      code: 'repaired',
      message: `${name} had ${plural(report.numErrors, 'error')} that Studio repaired (${report.errorCodes?.join(', ')}), for example: ${report.errors[0] ?? ''}`,
      params: { file: name, errors: report.numErrors, codes: report.errorCodes?.join(', ') ?? '' },
    });
  }
  if (report.numWarnings > 0) {
    warnings.push({
      code: 'validator-warnings',
      message: `The Khronos glTF validator has ${plural(report.numWarnings, 'warning')} about ${name}, for example: ${report.warnings.join('; ')}.`,
      params: { file: name, warnings: report.numWarnings, first: report.warnings[0] ?? '' },
    });
  }
  return { warnings, repair };
}

async function validate(name: string, bytes: Uint8Array, format: 'glb' | 'gltf', resource?: (uri: string) => Uint8Array | undefined) {
  let report: ValidationSummary;
  try {
    report = await validateGltf(bytes, format, resource);
  } catch (error) {
    throw new ImportError('corrupt', `${name} could not be read as ${format === 'glb' ? 'GLB' : 'glTF'}: ${message(error)}.`, { file: name });
  }
  return checkReport(name, report);
}

/** The JSON chunk of a GLB as text (empty when the header is not there). */
function glbJson(bytes: Uint8Array): string {
  if (bytes.byteLength < 20) return '';
  const length = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(12, true);
  return Buffer.from(bytes.buffer, bytes.byteOffset + 20, Math.min(length, bytes.byteLength - 20)).toString('utf8');
}

async function readDocument(name: string, json: string, repair: boolean, read: () => Promise<Document>): Promise<Document> {
  if (json.includes('"KHR_draco_mesh_compression"')) await enableDracoDecoding();
  let document: Document;
  try {
    document = await read();
  } catch (error) {
    throw new ImportError('corrupt', `${name} passed the validator but could not be loaded: ${message(error)}.`, { file: name });
  }
  if (repair) widenRestartIndices(document);
  // Decoded now: the working model is stored uncompressed, and the optimizer compresses the served one its own way.
  for (const extension of document.getRoot().listExtensionsUsed()) if (INPUT_COMPRESSION.has(extension.extensionName)) extension.dispose();
  return document;
}

export async function readGlb(model: ArchiveEntry): Promise<ReadModel> {
  const { warnings, repair } = await validate(model.name, model.bytes, 'glb');
  const io = await gltfIO();
  return { document: await readDocument(model.name, glbJson(model.bytes), repair, () => io.readBinary(model.bytes)), warnings, used: new Set() };
}

export async function readGltf(model: ArchiveEntry, resources: ArchiveEntry[]): Promise<ReadModel> {
  const text = Buffer.from(model.bytes).toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ImportError('corrupt', `${model.name} is not valid JSON: ${message(error)}.`, { file: model.name });
  }
  const { byUri, used } = resolveGltfResources(model.name, json, resources);
  const { warnings, repair } = await validate(model.name, model.bytes, 'gltf', (uri) => byUri[uri]);
  const io = await gltfIO();
  const document = await readDocument(model.name, text, repair, () => io.readJSON({ json: json as GLTF.IGLTF, resources: byUri }));
  return { document, warnings, used };
}
