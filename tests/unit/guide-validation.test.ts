// validateGuide: every defect class is refused with a path and a message that name the step and the field.
import { describe, expect, it } from 'vitest';
import { GuideSchema, type Guide } from '../../core/guide.ts';
import { parseGuide, validateGuide } from '../../core/guide-validation.ts';

const PARTS = new Set(['wheel', 'caliper', 'brake-pads', 'caliper-bolt-lower']);
const text = (en: string) => ({ en, es: en });

type StepInput = { id: string } & Record<string, unknown>;

function guideOf(steps: StepInput[], extra: Record<string, unknown> = {}): Guide {
  return GuideSchema.parse({
    formatVersion: 1,
    id: 'sample',
    productId: 'wheel-corner',
    title: text('Sample'),
    summary: text('A sample guide'),
    estimatedMinutes: 5,
    languages: ['en'],
    steps: steps.map((step) => ({ title: text(step.id), text: text(`Do ${step.id}.`), ...step })),
    ...extra,
  });
}

const measurement = (onOutOfRange: string) => ({ kind: 'measurement', label: text('Value'), unit: 'mm', min: 3, onOutOfRange });

function issuesOf(guide: Guide) {
  const result = validateGuide(guide, PARTS);
  return result.ok ? [] : result.issues;
}

describe('validateGuide', () => {
  it('accepts a guide with branches and a loop that has a way out', () => {
    const guide = guideOf([
      { id: 'start', targetPartIds: ['wheel'] },
      { id: 'measure', check: measurement('redo') },
      { id: 'ask', question: { prompt: text('?'), answers: [{ id: 'yes', label: text('Yes'), next: 'finish' }, { id: 'no', label: text('No'), next: 'start' }] } },
      { id: 'finish', end: true },
      { id: 'redo', next: 'measure' },
    ]);
    expect(validateGuide(guide, PARTS)).toEqual({ ok: true });
  });

  it('refuses unknown part ids in targets, requiredParts and consumesParts', () => {
    const guide = guideOf(
      [
        { id: 'remove-caliper', targetPartIds: ['caliper', 'brake-hose'] },
        { id: 'fit-pads', consumesParts: [{ partId: 'brake-pads', quantity: 1 }, { partId: 'rotor', quantity: 1 }] },
      ],
      { requiredParts: [{ partId: 'brake-pads', quantity: 1 }, { partId: 'gasket', quantity: 1 }] },
    );
    expect(issuesOf(guide)).toEqual([
      { path: 'requiredParts.1.partId', message: 'requiredParts → "gasket" is not a part of this product' },
      { path: 'steps.0.targetPartIds.1', message: 'step "remove-caliper": targetPartIds → "brake-hose" is not a part of this product' },
      { path: 'steps.1.consumesParts.1.partId', message: 'step "fit-pads": consumesParts → "rotor" is not a part of this product' },
    ]);
  });

  it('refuses a consumed part that the guide does not list as required', () => {
    const guide = guideOf([{ id: 'fit-pads', consumesParts: [{ partId: 'brake-pads', quantity: 1 }] }]);
    expect(issuesOf(guide)).toEqual([
      { path: 'steps.0.consumesParts.0.partId', message: `step "fit-pads": consumesParts → "brake-pads" is not listed in the guide's requiredParts` },
    ]);
  });

  it('refuses a next that names no step', () => {
    const guide = guideOf([{ id: 'start' }, { id: 'remove-caliper', next: 'nope' }, { id: 'finish' }]);
    expect(issuesOf(guide)).toContainEqual({ path: 'steps.1.next', message: 'step "remove-caliper": next → "nope" is not a step of this guide' });
  });

  it('refuses an onOutOfRange that names no step', () => {
    const guide = guideOf([{ id: 'measure-pads', check: measurement('replace-padz') }, { id: 'replace-pads' }]);
    expect(issuesOf(guide)).toEqual([
      { path: 'steps.0.check.onOutOfRange', message: 'step "measure-pads": check.onOutOfRange → "replace-padz" is not a step of this guide' },
    ]);
  });

  it('refuses an answer whose next names no step', () => {
    const question = { prompt: text('?'), answers: [{ id: 'yes', label: text('Yes'), next: 'finish' }, { id: 'no', label: text('No'), next: 'help' }] };
    const guide = guideOf([{ id: 'ask', question }, { id: 'finish' }]);
    expect(issuesOf(guide)).toEqual([
      { path: 'steps.0.question.answers.1.next', message: 'step "ask": question.answers.1.next → "help" is not a step of this guide' },
    ]);
  });

  it('refuses duplicate step ids', () => {
    const guide = guideOf([{ id: 'start' }, { id: 'tighten' }, { id: 'tighten' }]);
    expect(issuesOf(guide)).toEqual([{ path: 'steps.2.id', message: 'step "tighten": id → "tighten" is already the id of steps.1' }]);
  });

  it('refuses steps that cannot be reached from the first step', () => {
    const guide = guideOf([{ id: 'start', end: true }, { id: 'orphan' }, { id: 'also-orphan', next: 'orphan' }]);
    expect(issuesOf(guide)).toEqual([
      { path: 'steps.1.id', message: 'step "orphan" is unreachable: no next, answer or onOutOfRange leads to it from the first step "start"' },
      { path: 'steps.2.id', message: 'step "also-orphan" is unreachable: no next, answer or onOutOfRange leads to it from the first step "start"' },
    ]);
  });

  it('refuses a loop with no way out, naming the step and field that close it', () => {
    const guide = guideOf([{ id: 'start' }, { id: 'bleed' }, { id: 'pump', next: 'bleed' }, { id: 'finish' }]);
    expect(issuesOf(guide)).toEqual([
      { path: 'steps.3.id', message: 'step "finish" is unreachable: no next, answer or onOutOfRange leads to it from the first step "start"' },
      {
        path: 'steps.2.next',
        message: 'step "pump": next → "bleed" closes a loop of steps "bleed", "pump" with no way out to the end of the guide',
      },
    ]);
  });

  it('refuses a step that leads to itself, and a question whose every answer loops', () => {
    expect(issuesOf(guideOf([{ id: 'start' }, { id: 'spin', next: 'spin' }]))).toEqual([
      { path: 'steps.1.next', message: 'step "spin": next → "spin" closes a loop of steps "spin" with no way out to the end of the guide' },
    ]);
    const question = { prompt: text('?'), answers: [{ id: 'a', label: text('A'), next: 'first' }, { id: 'b', label: text('B'), next: 'ask' }] };
    const looping = issuesOf(guideOf([{ id: 'first' }, { id: 'ask', question }]));
    expect(looping).toHaveLength(1);
    expect(looping[0]?.path).toBe('steps.1.question.answers.0.next');
    expect(looping[0]?.message).toBe(
      'step "ask": question.answers.0.next → "first" closes a loop of steps "first", "ask" with no way out to the end of the guide',
    );
  });

  it('accepts a loop left only through an out-of-range measurement', () => {
    const guide = guideOf([{ id: 'start' }, { id: 'check', check: measurement('done'), next: 'start' }, { id: 'done' }]);
    expect(validateGuide(guide, PARTS)).toEqual({ ok: true });
  });

  it('reports every defect at once', () => {
    const guide = guideOf([{ id: 'start', targetPartIds: ['nope'] }, { id: 'start', next: 'missing' }]);
    expect(issuesOf(guide).map((issue) => issue.path)).toEqual(['steps.0.targetPartIds.0', 'steps.1.id', 'steps.1.next']);
  });
});

describe('parseGuide', () => {
  it('reports shape issues before graph issues, and returns the parsed guide when both pass', () => {
    const shapeFailure = parseGuide({ formatVersion: 1, id: 'x' }, PARTS);
    expect(shapeFailure.ok).toBe(false);
    const ok = parseGuide(guideOf([{ id: 'only' }]), PARTS);
    expect(ok.ok && ok.guide.steps.map((step) => step.id)).toEqual(['only']);
  });
});
