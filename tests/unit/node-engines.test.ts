// The Node versions the README promises are ones every package npm installs from the lockfile accepts (no EBADENGINE).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

/** npm's own range logic (a devDependency; its two functions typed here rather than through @types/semver). */
const semver = createRequire(import.meta.url)('semver') as {
  satisfies(version: string, range: string): boolean;
  coerce(version: string): { version: string } | null;
};

interface LockedPackage {
  version?: string;
  engines?: { node?: string } | string[];
  optional?: boolean;
}

const readme = fs.readFileSync('README.md', 'utf8');
const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8')) as { packages: Record<string, LockedPackage> };

/** "Node 20.19+ (or 22.13+)" → ['20.19.0', '22.13.0']. */
function promisedVersions(): string[] {
  const sentence = /with Node ([\d.]+)\+ \(or ([\d.]+)\+\)/.exec(readme);
  if (!sentence) throw new Error('the README no longer says which Node versions it supports in the expected words');
  return [sentence[1]!, sentence[2]!].map((version) => semver.coerce(version)!.version);
}

describe('the Node versions the README promises', () => {
  const promised = promisedVersions();

  it('are the lowest versions package.json accepts', () => {
    for (const version of promised) expect(semver.satisfies(version, manifest.engines.node), version).toBe(true);
    expect(semver.satisfies('20.18.0', manifest.engines.node)).toBe(false);
  });

  it('are accepted by every package npm installs (optional platform builds aside)', () => {
    const refused: string[] = [];
    for (const [path, entry] of Object.entries(lock.packages)) {
      const range = entry.engines && !Array.isArray(entry.engines) ? entry.engines.node : undefined;
      if (!path || !range || entry.optional) continue;
      for (const version of promised) {
        if (!semver.satisfies(version, range)) refused.push(`${path}@${entry.version ?? '?'} needs node ${range}, refuses ${version}`);
      }
    }
    expect(refused).toEqual([]);
  });
});
