// Finds the files a .gltf refers to (buffers, images) among the uploaded ones, and names any that are missing.
import { posix } from 'node:path';
import { ImportError } from './refusal.ts';
import type { ArchiveEntry, Bytes } from './unzip.ts';

interface GltfJson {
  buffers?: Array<{ uri?: string }>;
  images?: Array<{ uri?: string }>;
}

export interface ResolvedResources {
  /** Bytes by the URI exactly as the glTF writes it, as glTF-Transform's `readJSON` wants them. */
  byUri: Record<string, Bytes>;
  used: Set<ArchiveEntry>;
}

function decode(uri: string): string {
  try {
    return decodeURIComponent(uri);
  } catch {
    return uri;
  }
}

/** The upload a URI means: the same path next to the .gltf, or else the only upload with that file name. */
function findResource(gltfName: string, uri: string, resources: ArchiveEntry[]): ArchiveEntry | undefined {
  const wanted = posix.normalize(posix.join(posix.dirname(gltfName), decode(uri).replace(/\\/g, '/')));
  const exact = resources.find((entry) => entry.name === wanted);
  if (exact) return exact;
  const base = posix.basename(wanted);
  const sameName = resources.filter((entry) => posix.basename(entry.name) === base);
  return sameName.length === 1 ? sameName[0] : undefined;
}

export function resolveGltfResources(gltfName: string, json: unknown, resources: ArchiveEntry[]): ResolvedResources {
  const gltf = json as GltfJson;
  const uris = [...(gltf.buffers ?? []), ...(gltf.images ?? [])]
    .map((item) => item.uri)
    .filter((uri): uri is string => typeof uri === 'string' && !uri.startsWith('data:'));
  const byUri: Record<string, Bytes> = {};
  const used = new Set<ArchiveEntry>();
  const missing: string[] = [];
  for (const uri of new Set(uris)) {
    const entry = findResource(gltfName, uri, resources);
    if (!entry) missing.push(decode(uri));
    else {
      byUri[uri] = entry.bytes;
      used.add(entry);
    }
  }
  if (missing.length > 0) {
    const list = missing.map((name) => `"${name}"`).join(', ');
    throw new ImportError(
      'missing-resource',
      `${gltfName} needs ${list}, which ${missing.length === 1 ? 'was' : 'were'} not uploaded with it. Upload the .gltf together with its files (or all of them in one .zip).`,
      { file: gltfName, missing: missing.join(', ') },
    );
  }
  return { byUri, used };
}
