// Studio's client pieces that need no browser: both languages carry the same keys, and a click finds its part.
import { describe, expect, it } from 'vitest';
import en from '../../client/src/i18n/locales/en/studio.json';
import es from '../../client/src/i18n/locales/es/studio.json';
import { partForNode } from '../../client/src/studio/tree-lookup.ts';
import { findNode, type StudioPart, type StudioTreeNode } from '../../core/studio.ts';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

const box = { min: [0, 0, 0] as [number, number, number], max: [1, 1, 1] as [number, number, number] };
const node = (id: string, children: StudioTreeNode[] = []): StudioTreeNode => ({ id, name: id, slug: id, meshCount: 1, triangleCount: 12, bounds: box, children });
const tree = node('root', [node('assembly', [node('bolt'), node('nut')]), node('plate')]);
const part = (nodeId: string, partId: string): StudioPart => ({ nodeId, partId, name: { en: partId, es: partId } });

describe('Studio client', () => {
  it('has every English key in Spanish and no other', () => {
    expect(keys(es).sort()).toEqual(keys(en).sort());
  });

  it('finds the part a clicked node belongs to: itself, else its nearest ancestor made a part', () => {
    const parts = [part('assembly', 'fixings'), part('nut', 'nut')];
    expect(findNode(tree, 'bolt')?.name).toBe('bolt');
    expect(partForNode(tree, parts, 'nut')?.partId).toBe('nut');
    expect(partForNode(tree, parts, 'bolt')?.partId).toBe('fixings');
    expect(partForNode(tree, parts, 'plate')).toBeUndefined();
  });
});
