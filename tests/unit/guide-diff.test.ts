// diffGuides as an author reads it: guide fields, steps added, removed and changed (with fields and moves); sameJson.
import { describe, expect, it } from 'vitest';
import { diffGuides, sameJson } from '../../core/guide-diff.ts';
import type { Guide, GuideStep } from '../../core/guide.ts';

const text = (en: string) => ({ en, es: `${en} (es)` });
const step = (id: string, extra: Partial<GuideStep> = {}): GuideStep => ({ id, title: text(id), text: text(`Do ${id}.`), ...extra }) as GuideStep;

function guide(steps: GuideStep[], extra: Partial<Guide> = {}): Guide {
  return { formatVersion: 1, id: 'g', productId: 'p', title: text('Guide'), summary: text('Summary'), estimatedMinutes: 5, languages: ['en', 'es'], steps, ...extra } as Guide;
}

describe('sameJson', () => {
  it('compares JSON values deeply, whatever the order of keys, ignoring undefined members', () => {
    expect(sameJson({ a: 1, b: [1, { c: 'x' }] }, { b: [1, { c: 'x' }], a: 1 })).toBe(true);
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson([1, 2], [2, 1])).toBe(false);
    expect(sameJson([1], { 0: 1 })).toBe(false);
    expect(sameJson(null, {})).toBe(false);
    expect(sameJson(undefined, null)).toBe(false);
    expect(sameJson({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(sameJson('1', 1)).toBe(false);
  });
});

describe('diffGuides', () => {
  it('finds nothing between a guide and a copy of it', () => {
    const a = guide([step('one'), step('two', { end: true })]);
    expect(diffGuides(a, structuredClone(a))).toEqual({ fields: [], added: [], removed: [], changed: [] });
  });

  it('names guide fields that changed, in the guide’s order', () => {
    const a = guide([step('one')]);
    const b = guide([step('one')], { summary: text('Other'), estimatedMinutes: 6, requiredTools: [text('Spanner')] });
    expect(diffGuides(a, b).fields).toEqual(['summary', 'estimatedMinutes', 'requiredTools']);
  });

  it('lists steps added and removed with their titles, in the order of the guide they belong to', () => {
    const a = guide([step('one'), step('two'), step('three')]);
    const b = guide([step('zero'), step('one'), step('three'), step('four')]);
    const diff = diffGuides(a, b);
    expect(diff.added).toEqual([{ id: 'zero', title: text('zero') }, { id: 'four', title: text('four') }]);
    expect(diff.removed).toEqual([{ id: 'two', title: text('two') }]);
    expect(diff.changed).toEqual([]);
  });

  it('names the changed fields of a kept step, with its new title', () => {
    const a = guide([step('one', { targetPartIds: ['lid'], warnings: [text('Hot')] }), step('two')]);
    const b = guide([step('one', { title: text('First'), targetPartIds: ['lid', 'tray'], warnings: [text('Hot')], check: { kind: 'confirm' } } as Partial<GuideStep>), step('two')]);
    expect(diffGuides(a, b).changed).toEqual([{ id: 'one', title: text('First'), fields: ['title', 'targetPartIds', 'check'] }]);
  });

  it('reports a moved step as "position" only when kept steps change their order, not when another is added before it', () => {
    const swapped = diffGuides(guide([step('one'), step('two'), step('three')]), guide([step('two'), step('one'), step('three')]));
    expect(swapped.changed.map((change) => [change.id, change.fields])).toEqual([
      ['two', ['position']],
      ['one', ['position']],
    ]);
    const inserted = diffGuides(guide([step('one'), step('two')]), guide([step('new'), step('one'), step('two')]));
    expect(inserted.changed).toEqual([]);
    const removedBefore = diffGuides(guide([step('gone'), step('one'), step('two')]), guide([step('one'), step('two')]));
    expect(removedBefore.changed).toEqual([]);
  });

  it('tells a step that changed and moved, and a step whose fields were removed', () => {
    const a = guide([step('one', { hint: { kind: 'arrow', direction: [0, 1, 0] } } as Partial<GuideStep>), step('two')]);
    const b = guide([step('two'), step('one', { text: text('Changed') })]);
    expect(diffGuides(a, b).changed).toEqual([
      { id: 'two', title: text('two'), fields: ['position'] },
      { id: 'one', title: text('one'), fields: ['text', 'hint', 'position'] },
    ]);
  });
});
