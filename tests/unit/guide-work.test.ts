// The guide editor's edits on the guide as JSON (steps added, moved, removed, parts toggled, unknown fields kept) and
// where each validator issue is shown (the deepest field its path names, else the step or guide).
import { describe, expect, it } from 'vitest';
import { addStep, fieldOfIssue, issuesByField, moveStep, patchStep, removeStep, stepFieldPaths, stepsOf, togglePart } from '../../client/src/studio/guides/guide-work.ts';

const guide = { id: 'g', steps: [{ id: 'step-1', title: { en: 'A', es: 'A' }, hint: { kind: 'arrow', direction: [0, 1, 0] } }, { id: 'step-2' }] };

describe('guide work', () => {
  it('adds a step with a free id, moves, removes and patches steps without losing fields it does not show', () => {
    const added = addStep(guide);
    expect(stepsOf(added).map((step) => step.id)).toEqual(['step-1', 'step-2', 'step-3']);
    expect(stepsOf(addStep(removeStep(added, 1))).map((step) => step.id)).toEqual(['step-1', 'step-3', 'step-4']);
    expect(stepsOf(moveStep(added, 0, 1)).map((step) => step.id)).toEqual(['step-2', 'step-1', 'step-3']);
    expect(moveStep(added, 0, -1)).toBe(added);
    const patched = patchStep(guide, 0, { title: { en: 'B', es: 'B' }, check: undefined });
    expect(stepsOf(patched)[0]).toEqual({ id: 'step-1', title: { en: 'B', es: 'B' }, hint: { kind: 'arrow', direction: [0, 1, 0] } });
    const targeted = togglePart(guide, 1, 'wheel');
    expect(stepsOf(targeted)[1]?.targetPartIds).toEqual(['wheel']);
    expect(stepsOf(togglePart(targeted, 1, 'wheel'))[1]?.targetPartIds).toEqual([]);
  });

  it('shows an issue beside the deepest field its path names, a container issue at its first field, others at the step', () => {
    const step = { id: 'step-2', check: { kind: 'measurement' } };
    const fields = stepFieldPaths(step, 1);
    expect(fieldOfIssue({ path: 'steps.1.check.max', message: 'min must not be greater than max' }, fields)).toBe('steps.1.check.max');
    expect(fieldOfIssue({ path: 'steps.1.targetPartIds.0', message: 'not a part' }, fields)).toBe('steps.1.targetPartIds');
    expect(fieldOfIssue({ path: 'steps.1.title', message: 'required' }, fields)).toBe('steps.1.title.en');
    const grouped = issuesByField([{ path: 'steps.1.consumesParts.0.partId', message: 'x' }, { path: 'steps.1.text.es', message: 'y' }], fields);
    expect([...grouped.keys()]).toEqual(['', 'steps.1.text.es']);
  });
});
