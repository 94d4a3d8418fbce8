// Writes brotli (.br) and gzip (.gz) siblings of the files the server sends, once at build time, so it never compresses on the fly.
import fs from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** What is worth compressing: text, JSON, WebAssembly and glTF (meshopt leaves byte patterns that brotli still shrinks). */
export const COMPRESSIBLE = /\.(?:m?js|css|html|json|webmanifest|svg|txt|wasm|glb|gltf)$/;

export interface PrecompressOptions {
  /** Files smaller than this are sent as they are. @default 1024 */
  minBytes?: number;
  /** A variant is kept only when it is at most this share of the original. @default 0.95 */
  maxRatio?: number;
}

export interface PrecompressReport {
  files: number;
  bytes: number;
  brotliBytes: number;
  gzipBytes: number;
}

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/** Brotli's best quality costs seconds per megabyte; above one MiB (emulator rooms, controller models) quality 9 is nearly as small. */
function brotliQuality(bytes: number): number {
  return bytes > 1024 * 1024 ? 9 : 11;
}

function writeOrRemove(file: string, data: Buffer | null): void {
  if (data) fs.writeFileSync(file, data);
  else fs.rmSync(file, { force: true });
}

/** Compresses every compressible file under `dir` (brotli quality 11, 9 above 1 MiB; gzip level 9); stale variants of files that no longer gain are removed. */
export function precompressDir(dir: string, { minBytes = 1024, maxRatio = 0.95 }: PrecompressOptions = {}): PrecompressReport {
  const report: PrecompressReport = { files: 0, bytes: 0, brotliBytes: 0, gzipBytes: 0 };
  for (const file of filesUnder(dir)) {
    if (!COMPRESSIBLE.test(file)) continue;
    const data = fs.readFileSync(file);
    const worthIt = (compressed: Buffer) => (data.length >= minBytes && compressed.length <= data.length * maxRatio ? compressed : null);
    const brotli = worthIt(brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: brotliQuality(data.length), [constants.BROTLI_PARAM_SIZE_HINT]: data.length } }));
    const gzip = worthIt(gzipSync(data, { level: 9 }));
    writeOrRemove(`${file}.br`, brotli);
    writeOrRemove(`${file}.gz`, gzip);
    report.files += 1;
    report.bytes += data.length;
    report.brotliBytes += brotli?.length ?? data.length;
    report.gzipBytes += gzip?.length ?? data.length;
  }
  return report;
}

export function describeReport(label: string, { files, bytes, brotliBytes, gzipBytes }: PrecompressReport): string {
  const kib = (value: number) => `${(value / 1024).toFixed(1)} KiB`;
  return `${label}: ${files} files, ${kib(bytes)} → ${kib(brotliBytes)} br, ${kib(gzipBytes)} gz`;
}
