// Unpacks an uploaded zip in memory within limits: entry count, unpacked size, and no entry reaching outside the archive.
import { posix } from 'node:path';
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { formatBytes, type ImportLimits } from './import-limits.ts';
import { ImportError } from './refusal.ts';

/** Bytes backed by a plain ArrayBuffer, as glTF-Transform and the validator take them. */
export type Bytes = Uint8Array<ArrayBuffer>;

export interface ArchiveEntry {
  /** Path inside the archive, '/'-separated and normalized; only ever used to match references between files. */
  name: string;
  bytes: Bytes;
}

const IGNORED = [/^__MACOSX\//, /(^|\/)\.DS_Store$/, /(^|\/)Thumbs\.db$/i];

/** The archive path an entry name stands for, or null when it points outside the archive. */
export function archivePath(rawName: string): string | null {
  const name = rawName.replace(/\\/g, '/');
  if (name.startsWith('/') || /^[a-z]:/i.test(name) || name.includes('\0')) return null;
  const normalized = posix.normalize(name);
  if (normalized === '..' || normalized.startsWith('../')) return null;
  return normalized;
}

function listEntries(bytes: Uint8Array, label: string): UnzipFileInfo[] {
  const entries: UnzipFileInfo[] = [];
  try {
    unzipSync(bytes, {
      filter: (info) => {
        entries.push(info);
        return false;
      },
    });
  } catch (error) {
    throw new ImportError('corrupt', `${label} is not a readable zip file (${error instanceof Error ? error.message : String(error)}).`, { file: label });
  }
  return entries;
}

export function unzipUpload(bytes: Uint8Array, label: string, limits: ImportLimits): ArchiveEntry[] {
  const files = listEntries(bytes, label).filter((info) => !info.name.endsWith('/') && !IGNORED.some((pattern) => pattern.test(info.name)));
  if (files.length > limits.maxZipEntries) {
    throw new ImportError('unsafe-archive', `${label} holds ${files.length} files; a zip may hold at most ${limits.maxZipEntries}.`, { file: label, count: files.length, limit: limits.maxZipEntries });
  }
  const outside = files.find((info) => archivePath(info.name) === null);
  if (outside) {
    throw new ImportError('unsafe-archive', `${label} contains "${outside.name}", which points outside the zip; such archives are refused.`, { file: label, entry: outside.name });
  }
  const unpacked = files.reduce((sum, info) => sum + info.originalSize, 0);
  if (unpacked > limits.maxUnpackedBytes) {
    throw new ImportError('too-large', `${label} unpacks to ${formatBytes(unpacked)}; the limit is ${formatBytes(limits.maxUnpackedBytes)}.`, {
      file: label,
      bytes: unpacked,
      limit: limits.maxUnpackedBytes,
    });
  }
  const unsupported = files.find((info) => info.compression !== 0 && info.compression !== 8);
  if (unsupported) {
    throw new ImportError('corrupt', `${label} stores "${unsupported.name}" with a compression method zip tools rarely use (${unsupported.compression}); save it again with ordinary (deflate) compression.`, {
      file: label,
      entry: unsupported.name,
    });
  }
  const wanted = new Set(files.map((info) => info.name));
  let unzipped: Record<string, Uint8Array>;
  try {
    // Each entry inflates into a buffer of its declared size, so a lying header cannot grow memory past the checked total.
    unzipped = unzipSync(bytes, { filter: (info) => wanted.has(info.name) });
  } catch (error) {
    throw new ImportError('corrupt', `${label} is damaged: ${error instanceof Error ? error.message : String(error)}.`, { file: label });
  }
  return Object.entries(unzipped).map(([name, data]) => ({ name: archivePath(name) ?? name, bytes: data as Bytes }));
}
