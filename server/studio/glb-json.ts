// Reads and rewrites the JSON chunk of a GLB, leaving its binary chunk byte for byte (no decoding, no re-encoding).
const MAGIC = 0x46546c67;
const JSON_CHUNK = 0x4e4f534a;

export interface GlbParts {
  json: Record<string, unknown>;
  /** Everything after the JSON chunk (the BIN chunk, when there is one), as it was. */
  rest: Buffer;
}

export function readGlb(bytes: Buffer): GlbParts {
  if (bytes.length < 20 || bytes.readUInt32LE(0) !== MAGIC || bytes.readUInt32LE(4) !== 2) throw new Error('not a glTF 2.0 binary');
  const jsonLength = bytes.readUInt32LE(12);
  if (bytes.readUInt32LE(16) !== JSON_CHUNK || 20 + jsonLength > bytes.length) throw new Error('GLB without a JSON chunk first');
  const json = JSON.parse(bytes.subarray(20, 20 + jsonLength).toString('utf8')) as Record<string, unknown>;
  return { json, rest: bytes.subarray(20 + jsonLength) };
}

export function writeGlb({ json, rest }: GlbParts): Buffer {
  const text = Buffer.from(JSON.stringify(json), 'utf8');
  const padded = Buffer.concat([text, Buffer.alloc((4 - (text.length % 4)) % 4, 0x20)]);
  const header = Buffer.alloc(20);
  header.writeUInt32LE(MAGIC, 0);
  header.writeUInt32LE(2, 4);
  header.writeUInt32LE(20 + padded.length + rest.length, 8);
  header.writeUInt32LE(padded.length, 12);
  header.writeUInt32LE(JSON_CHUNK, 16);
  return Buffer.concat([header, padded, rest]);
}
