// Reads the uploaded files (unpacking a zip), finds the one model among them by content, and keeps the rest as resources.
import { readFile } from 'node:fs/promises';
import { zipSync } from 'fflate';
import { FORMAT_LABELS, detectFormat, formatFromName } from './detect-format.ts';
import type { ImportLimits } from './import-limits.ts';
import type { ImportWarning, ModelFormat, UploadedFile } from './import-types.ts';
import { ImportError } from './refusal.ts';
import { unzipUpload, type ArchiveEntry, type Bytes } from './unzip.ts';

export interface UploadBundle {
  model: ArchiveEntry & { format: ModelFormat };
  /** Every other file, by its path inside a zip or its uploaded name. */
  resources: ArchiveEntry[];
  warnings: ImportWarning[];
  /** What to keep as the original upload: one file as it came, several packed into a zip. */
  original: { bytes: Uint8Array; extension: string };
}

function bytesOf(buffer: Buffer): Bytes {
  return new Uint8Array(buffer.buffer as ArrayBuffer, buffer.byteOffset, buffer.byteLength);
}

const READABLE = 'glTF (.gltf with its files, or .glb), STEP (.step, .stp), OBJ, STL, or a .zip of them';

/** Names made unique for packing several uploads into one zip ("a.png", "a (2).png"). */
function uniqueNames(names: string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((raw) => {
    const name = raw.replace(/[\\/]/g, '_') || 'file';
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    if (count === 1) return name;
    const dot = name.lastIndexOf('.');
    return dot > 0 ? `${name.slice(0, dot)} (${count})${name.slice(dot)}` : `${name} (${count})`;
  });
}

function renamedWarning(entry: ArchiveEntry, actual: ModelFormat): ImportWarning | null {
  const claimed = formatFromName(entry.name);
  if (claimed === null || claimed === actual) return null;
  return {
    code: 'renamed-format',
    message: `${entry.name} is named like a ${FORMAT_LABELS[claimed]} file but holds ${FORMAT_LABELS[actual]}; it was read as ${FORMAT_LABELS[actual]}.`,
    params: { file: entry.name, claimed, actual },
  };
}

function unknownFormat(entries: ArchiveEntry[]): ImportError {
  const claimed = entries.map((entry) => ({ entry, format: formatFromName(entry.name) })).find(({ format }) => format !== null);
  if (claimed?.format) {
    return new ImportError(
      'unknown-format',
      `${claimed.entry.name} is named like a ${FORMAT_LABELS[claimed.format]} file, but its content is not ${FORMAT_LABELS[claimed.format]} nor any format Studio reads: ${READABLE}.`,
      { file: claimed.entry.name, claimed: claimed.format },
    );
  }
  const names = entries.map((entry) => entry.name).join(', ');
  return new ImportError('no-model', `None of the files (${names}) is a 3D model Studio reads: ${READABLE}.`, { files: names });
}

async function readEntries(files: UploadedFile[], limits: ImportLimits): Promise<{ entries: ArchiveEntry[]; uploads: ArchiveEntry[] }> {
  const uploads = await Promise.all(files.map(async (file) => ({ name: file.name, bytes: bytesOf(await readFile(file.path)) })));
  const entries: ArchiveEntry[] = [];
  for (const upload of uploads) {
    if (detectFormat(upload.bytes) === 'zip') entries.push(...unzipUpload(upload.bytes, upload.name, limits));
    else entries.push(upload);
  }
  return { entries, uploads };
}

export async function readUpload(files: UploadedFile[], limits: ImportLimits): Promise<UploadBundle> {
  const { entries, uploads } = await readEntries(files, limits);
  const models = entries.flatMap((entry, index) => {
    const format = detectFormat(entry.bytes);
    return format !== null && format !== 'zip' ? [{ ...entry, format, index }] : [];
  });
  const [model, ...others] = models;
  if (!model) throw unknownFormat(entries);
  if (others.length > 0) {
    const names = models.map((entry) => entry.name).join(', ');
    throw new ImportError('several-models', `The upload holds ${models.length} models (${names}); import one product at a time.`, { files: names, count: models.length });
  }
  const single = uploads.length === 1 ? uploads[0] : undefined;
  const original = single
    ? { bytes: single.bytes, extension: detectFormat(single.bytes) ?? model.format }
    : { bytes: zipSync(Object.fromEntries(uniqueNames(uploads.map((upload) => upload.name)).map((name, index) => [name, uploads[index]?.bytes ?? new Uint8Array()]))), extension: 'zip' };
  const warning = renamedWarning(model, model.format);
  return {
    model: { name: model.name, bytes: model.bytes, format: model.format },
    resources: entries.filter((_entry, index) => index !== model.index),
    warnings: warning ? [warning] : [],
    original,
  };
}
