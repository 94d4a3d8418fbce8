// The house rules of docs/ARCHITECTURE.md, measured on the source: no import cycles, no two folders that import each
// other, no file over 300 lines, rooms that import only downward, and the test hook reached through one seam.
import { describe, expect, it } from 'vitest';
import { readImportGraph, type ImportGraph } from '../support/import-graph.ts';

const ROOTS = ['client', 'server', 'core'];
const MAX_LINES = 300;

const graph: ImportGraph = readImportGraph(ROOTS);

/** Strongly connected components with more than one file (Tarjan). */
function cycles(edges: Map<string, Set<string>>): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    order.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!order.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node) ?? 0, order.get(next) ?? 0));
    }
    if (low.get(node) === order.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const node of edges.keys()) if (!order.has(node)) visit(node);
  return found;
}

const folderOf = (file: string) => file.slice(0, file.lastIndexOf('/'));

describe('architecture', () => {
  it('has no import cycles between files (type-only imports included)', () => {
    expect(cycles(graph.imports)).toEqual([]);
  });

  it('has no two folders that import each other', () => {
    const folderEdges = new Map<string, Set<string>>();
    for (const [file, targets] of graph.imports) {
      for (const target of targets) {
        const from = folderOf(file);
        const to = folderOf(target);
        if (from === to) continue;
        folderEdges.set(from, (folderEdges.get(from) ?? new Set()).add(to));
      }
    }
    const pairs: string[] = [];
    for (const [from, targets] of folderEdges) {
      for (const to of targets) if (from < to && folderEdges.get(to)?.has(from)) pairs.push(`${from} <-> ${to}`);
    }
    expect(pairs).toEqual([]);
  });

  it(`keeps every source file at ${MAX_LINES} lines or fewer`, () => {
    const long = [...graph.lines].filter(([, lines]) => lines > MAX_LINES).map(([file, lines]) => `${file}: ${lines}`);
    expect(long).toEqual([]);
  });

  it('lets core import nothing outside core, and client and server not each other', () => {
    const wrong: string[] = [];
    for (const [file, targets] of graph.imports) {
      const room = file.split('/')[0];
      for (const target of targets) {
        const other = target.split('/')[0];
        if (room === 'core' && other !== 'core') wrong.push(`${file} -> ${target}`);
        if ((room === 'client' && other === 'server') || (room === 'server' && other === 'client')) wrong.push(`${file} -> ${target}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('reaches the test window from production code through one seam', () => {
    const callers = [...graph.imports].filter(([file, targets]) => targets.has('client/src/test-hook.ts') && !file.startsWith('client/src/testing/')).map(([file]) => file);
    expect(callers).toEqual(['client/src/main.tsx']);
  });
});
