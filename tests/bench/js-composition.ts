// Attributes the bytes of built JS chunks to the packages they came from, using the chunks' source maps.
import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface LoadedScript {
  url: string;
  body: Buffer;
}

export interface PackageShare {
  name: string;
  /** Minified characters this package contributes. */
  chars: number;
  /** gzip (level 9) of this package's code on its own; roughly what removing it from the page would save. */
  gzipBytes: number;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = new Map([...BASE64].map((char, index) => [char, index]));

function decodeSegment(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64_VALUE.get(char);
    if (digit === undefined) throw new Error(`bad VLQ character ${char}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

/** The package a source file belongs to: an npm package name, or the app folder for our own code. */
export function packageOf(source: string): string {
  const normalized = source.replaceAll('\\', '/');
  const marker = normalized.lastIndexOf('node_modules/');
  if (marker >= 0) {
    const parts = normalized.slice(marker + 'node_modules/'.length).split('/');
    const [first, second] = parts;
    if (first === 'three' && second === 'examples') return 'three (examples/jsm)';
    return first?.startsWith('@') && second ? `${first}/${second}` : (first ?? normalized);
  }
  const app = /(?:^|\/)(client|core|assets)\//.exec(normalized);
  return app ? `(app) ${app[1]}/` : normalized;
}

interface RawSourceMap {
  sources: string[];
  mappings: string;
}

/**
 * Code slices of one chunk grouped by package; undefined when the chunk has no source map on disk.
 * A line that starts without a mapping continues the previous one (multi-line strings such as shader sources).
 */
function slicesBy(code: string, mapFile: string, groupOf: (source: string) => string): Map<string, string[]> | undefined {
  if (!fs.existsSync(mapFile)) return undefined;
  const map = JSON.parse(fs.readFileSync(mapFile, 'utf8')) as RawSourceMap;
  const lines = code.split('\n');
  const slices = new Map<string, string[]>();
  const add = (pkg: string, text: string) => {
    if (!text) return;
    const list = slices.get(pkg) ?? [];
    list.push(text);
    slices.set(pkg, list);
  };
  let sourceIndex = 0;
  let owner = '(unmapped)';
  map.mappings.split(';').forEach((mappingLine, lineIndex) => {
    const line = lines[lineIndex] ?? '';
    let column = 0;
    const segments = mappingLine ? mappingLine.split(',').map(decodeSegment) : [];
    let cursor = 0;
    for (const segment of segments) {
      column += segment[0] ?? 0;
      add(owner, line.slice(cursor, column));
      cursor = column;
      if (segment.length >= 4) {
        sourceIndex += segment[1] ?? 0;
        owner = groupOf(map.sources[sourceIndex] ?? '(unknown)');
      } else {
        owner = '(unmapped)';
      }
    }
    add(owner, line.slice(cursor));
  });
  return slices;
}

/** Per-package shares of the given scripts, largest first; scripts are located under `clientDir` by URL path. */
export function composeScripts(scripts: readonly LoadedScript[], clientDir: string): PackageShare[] {
  const byPackage = new Map<string, string[]>();
  for (const script of scripts) {
    const file = path.join(clientDir, new URL(script.url).pathname);
    const slices = slicesBy(script.body.toString('utf8'), `${file}.map`, packageOf) ?? new Map([[`(no source map) ${path.basename(file)}`, [script.body.toString('utf8')]]]);
    for (const [pkg, texts] of slices) byPackage.set(pkg, [...(byPackage.get(pkg) ?? []), ...texts]);
  }
  return [...byPackage]
    .map(([name, texts]) => {
      const joined = texts.join('');
      return { name, chars: joined.length, gzipBytes: gzipSync(joined, { level: 9 }).length };
    })
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
}

/** gzip bytes of the scripts' code that comes from source files `matches` picks (by their source-map path). */
export function sourceBytes(scripts: readonly LoadedScript[], clientDir: string, matches: (source: string) => boolean): number {
  const picked: string[] = [];
  for (const script of scripts) {
    const file = path.join(clientDir, new URL(script.url).pathname);
    const slices = slicesBy(script.body.toString('utf8'), `${file}.map`, (source) => (matches(source.replaceAll('\\', '/')) ? 'picked' : 'other'));
    picked.push(...(slices?.get('picked') ?? []));
  }
  return picked.length === 0 ? 0 : gzipSync(picked.join(''), { level: 9 }).length;
}
