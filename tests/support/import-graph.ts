// Reads the relative imports of the source rooms (type-only ones included) into a file graph, with each file's length.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

export interface ImportGraph {
  /** Repository-relative file → the repository-relative files it imports. */
  imports: Map<string, Set<string>>;
  lines: Map<string, number>;
}

const SOURCE = /\.(ts|tsx)$/;

function listSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return listSources(full);
    return SOURCE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

export function readImportGraph(roots: string[], repo = process.cwd()): ImportGraph {
  const imports = new Map<string, Set<string>>();
  const lines = new Map<string, number>();
  const files = roots.flatMap((root) => listSources(path.join(repo, root)));
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const from = path.relative(repo, file).split(path.sep).join('/');
    lines.set(from, text.split('\n').length - (text.endsWith('\n') ? 1 : 0));
    const targets = new Set<string>();
    for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = path.relative(repo, path.resolve(path.dirname(file), fileName)).split(path.sep).join('/');
      if (SOURCE.test(target)) targets.add(target);
    }
    imports.set(from, targets);
  }
  return { imports, lines };
}
