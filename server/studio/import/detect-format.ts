// Tells a file's format from its bytes, never from its name; the name only decides what to warn about.
import type { ModelFormat } from './import-types.ts';

export type ContainerFormat = ModelFormat | 'zip';

export const FORMAT_LABELS: Record<ContainerFormat, string> = {
  glb: 'glTF binary (GLB)',
  gltf: 'glTF',
  step: 'STEP',
  obj: 'OBJ',
  stl: 'STL',
  zip: 'ZIP',
};

const EXTENSION_FORMATS: Record<string, ContainerFormat> = {
  glb: 'glb',
  gltf: 'gltf',
  step: 'step',
  stp: 'step',
  p21: 'step',
  obj: 'obj',
  stl: 'stl',
  zip: 'zip',
};

const TEXT_PROBE_BYTES = 64 * 1024;

const startsWithBytes = (bytes: Uint8Array, ascii: string, offset = 0): boolean =>
  bytes.length >= offset + ascii.length && [...ascii].every((char, index) => bytes[offset + index] === char.charCodeAt(0));

/** Offset of the first byte after a UTF-8 byte order mark and leading whitespace. */
function textStart(bytes: Uint8Array): number {
  let offset = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (offset < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[offset] ?? 0)) offset += 1;
  return offset;
}

function looksLikeText(bytes: Uint8Array): boolean {
  return !bytes.subarray(0, TEXT_PROBE_BYTES).includes(0);
}

function isGltfJson(bytes: Uint8Array, start: number): boolean {
  if (bytes[start] !== 0x7b) return false;
  try {
    const json: unknown = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
    const asset = (json as { asset?: { version?: unknown } }).asset;
    return typeof asset?.version === 'string';
  } catch {
    return false;
  }
}

function isBinaryStl(bytes: Uint8Array): boolean {
  if (bytes.length < 134) return false;
  const triangles = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(80, true);
  return triangles > 0 && bytes.length === 84 + triangles * 50;
}

function isAsciiStl(text: string): boolean {
  return /^solid\b/.test(text) && /\bfacet\s+normal\b/.test(text) && /\bvertex\s/.test(text);
}

function isObj(bytes: Uint8Array, text: string): boolean {
  if (!/^v\s+[-+.\d]/m.test(text)) return false;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return /^f\s/m.test(text) || buffer.indexOf('\nf ') >= 0;
}

/** The model or archive format of these bytes, or null when they are none Studio reads. */
export function detectFormat(bytes: Uint8Array): ContainerFormat | null {
  if (startsWithBytes(bytes, 'glTF')) return 'glb';
  if (startsWithBytes(bytes, 'PK\u0003\u0004') || startsWithBytes(bytes, 'PK\u0005\u0006')) return 'zip';
  const start = textStart(bytes);
  if (startsWithBytes(bytes, 'ISO-10303-21;', start)) return 'step';
  if (isBinaryStl(bytes)) return 'stl';
  if (!looksLikeText(bytes)) return null;
  if (isGltfJson(bytes, start)) return 'gltf';
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, TEXT_PROBE_BYTES)).toString('utf8', start);
  if (isAsciiStl(head)) return 'stl';
  if (isObj(bytes, head)) return 'obj';
  return null;
}

/** The format a file's name claims, if its extension is one Studio knows. */
export function formatFromName(name: string): ContainerFormat | null {
  const dot = name.lastIndexOf('.');
  if (dot < 0) return null;
  return EXTENSION_FORMATS[name.slice(dot + 1).toLowerCase()] ?? null;
}
