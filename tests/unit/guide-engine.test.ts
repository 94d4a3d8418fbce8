// The guide engine's transitions: blocking rules, branches, back, goto, refusals, immutability and the wire schemas.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GuideSchema, type Guide, type GuideInput } from '../../core/guide.ts';
import { GuideActionSchema, GuideProgressSchema, applyGuideAction, canAdvance, startGuide, type GuideAction, type GuideProgress } from '../../core/guide-engine.ts';
import { validateGuide } from '../../core/guide-validation.ts';

const text = (en: string) => ({ en, es: en });
type StepInput = { id: string } & Record<string, unknown>;

function guideOf(steps: StepInput[]): Guide {
  return GuideSchema.parse({
    formatVersion: 1,
    id: 'sample',
    productId: 'wheel-corner',
    title: text('Sample'),
    summary: text('A sample guide'),
    estimatedMinutes: 5,
    languages: ['en', 'es'],
    steps: steps.map((step) => ({ title: text(step.id), text: text(`Do ${step.id}.`), ...step })),
  });
}

/** Applies actions in order and fails the test on the first refusal. */
function run(guide: Guide, actions: GuideAction[], from: GuideProgress = startGuide(guide)): GuideProgress {
  return actions.reduce((progress, action) => {
    const result = applyGuideAction(guide, progress, action);
    if (!result.ok) throw new Error(`${action.type} refused: ${result.reason}: ${result.message}`);
    return result.progress;
  }, from);
}

function refusal(guide: Guide, progress: GuideProgress, action: GuideAction) {
  const result = applyGuideAction(guide, progress, action);
  return result.ok ? 'accepted' : result.reason;
}

const measurement = (range: { min?: number; max?: number }, onOutOfRange: string) => ({
  kind: 'measurement',
  label: text('Pad thickness'),
  unit: 'mm',
  ...range,
  onOutOfRange,
});

const brakeLike = guideOf([
  { id: 'secure-car', warnings: [text('Never rely on the jack.'), text('Chock the wheels.')], check: { kind: 'confirm' } },
  { id: 'measure-pads', check: measurement({ min: 3 }, 'replace-pads'), next: 'inspect-disc' },
  { id: 'replace-pads' },
  {
    id: 'inspect-disc',
    question: {
      prompt: text('Is the disc smooth?'),
      answers: [
        { id: 'smooth', label: text('Yes'), next: 'refit-wheel' },
        { id: 'scored', label: text('No'), next: 'get-help' },
      ],
    },
  },
  { id: 'refit-wheel', end: true },
  { id: 'get-help' },
]);

describe('startGuide and canAdvance', () => {
  it('starts on the first step with an empty record', () => {
    expect(startGuide(brakeLike)).toEqual({
      guideId: 'sample',
      currentStepId: 'secure-car',
      history: ['secure-car'],
      answers: {},
      measurements: {},
      confirmations: {},
      acknowledgedWarnings: {},
    });
  });

  it('blocks next until every warning is acknowledged, then until the step is confirmed', () => {
    let progress = startGuide(brakeLike);
    expect(canAdvance(brakeLike, progress)).toEqual({
      ok: false,
      reason: 'warning_unacknowledged',
      message: 'step "secure-car": warnings.0 must be acknowledged before going on',
    });
    expect(refusal(brakeLike, progress, { type: 'next' })).toBe('warning_unacknowledged');

    progress = run(brakeLike, [{ type: 'acknowledge', stepId: 'secure-car', warningIndex: 1 }], progress);
    expect(canAdvance(brakeLike, progress)).toMatchObject({ ok: false, reason: 'warning_unacknowledged', message: expect.stringContaining('warnings.0') });

    progress = run(brakeLike, [{ type: 'acknowledge', stepId: 'secure-car', warningIndex: 0 }], progress);
    expect(progress.acknowledgedWarnings).toEqual({ 'secure-car': [0, 1] });
    expect(canAdvance(brakeLike, progress)).toMatchObject({ ok: false, reason: 'confirmation_missing' });

    progress = run(brakeLike, [{ type: 'confirm', stepId: 'secure-car' }], progress);
    expect(canAdvance(brakeLike, progress)).toEqual({ ok: true, nextStepId: 'measure-pads' });
    expect(run(brakeLike, [{ type: 'next' }], progress).currentStepId).toBe('measure-pads');
  });

  it('blocks a measurement step until a value is entered, and a question until it is answered', () => {
    const atMeasure = run(brakeLike, [{ type: 'goto', stepId: 'measure-pads' }]);
    expect(canAdvance(brakeLike, atMeasure)).toMatchObject({ ok: false, reason: 'measurement_missing', message: 'step "measure-pads": check needs a measurement in mm' });
    const atQuestion = run(brakeLike, [{ type: 'goto', stepId: 'inspect-disc' }]);
    expect(canAdvance(brakeLike, atQuestion)).toMatchObject({ ok: false, reason: 'answer_missing' });
  });
});

describe('applyGuideAction', () => {
  const atMeasure = run(brakeLike, [{ type: 'goto', stepId: 'measure-pads' }]);

  it('takes the onOutOfRange branch for a measurement outside the range', () => {
    const progress = run(brakeLike, [{ type: 'measure', stepId: 'measure-pads', value: 2.4 }, { type: 'next' }], atMeasure);
    expect(progress.currentStepId).toBe('replace-pads');
    expect(progress.measurements).toEqual({ 'measure-pads': { value: 2.4, unit: 'mm' } });
  });

  it('follows next for a value inside the range, bounds included', () => {
    for (const value of [3, 7.5]) {
      const progress = run(brakeLike, [{ type: 'measure', stepId: 'measure-pads', value }, { type: 'next' }], atMeasure);
      expect(progress.currentStepId).toBe('inspect-disc');
    }
    const bounded = guideOf([{ id: 'read-gauge', check: measurement({ min: 1, max: 2 }, 'too-far') }, { id: 'fine', end: true }, { id: 'too-far' }]);
    const outcome = (value: number) => run(bounded, [{ type: 'measure', stepId: 'read-gauge', value }, { type: 'next' }]).currentStepId;
    expect([0.99, 1, 1.5, 2, 2.01].map(outcome)).toEqual(['too-far', 'fine', 'fine', 'fine', 'too-far']);
  });

  it('branches on the chosen answer, and a later answer replaces an earlier one', () => {
    const atQuestion = run(brakeLike, [{ type: 'goto', stepId: 'inspect-disc' }]);
    expect(run(brakeLike, [{ type: 'answer', stepId: 'inspect-disc', answerId: 'scored' }, { type: 'next' }], atQuestion).currentStepId).toBe('get-help');
    const changedMind = run(
      brakeLike,
      [
        { type: 'answer', stepId: 'inspect-disc', answerId: 'scored' },
        { type: 'answer', stepId: 'inspect-disc', answerId: 'smooth' },
        { type: 'next' },
      ],
      atQuestion,
    );
    expect(changedMind.currentStepId).toBe('refit-wheel');
    expect(changedMind.answers).toEqual({ 'inspect-disc': 'smooth' });
  });

  it('lets an out-of-range measurement win over the answer on a step that has both', () => {
    const guide = guideOf([
      {
        id: 'check-disc',
        check: measurement({ min: 22 }, 'replace-disc'),
        question: { prompt: text('Smooth?'), answers: [{ id: 'yes', label: text('Yes'), next: 'refit' }] },
      },
      { id: 'refit', end: true },
      { id: 'replace-disc' },
    ]);
    const answered = run(guide, [{ type: 'answer', stepId: 'check-disc', answerId: 'yes' }]);
    expect(canAdvance(guide, answered)).toMatchObject({ reason: 'measurement_missing' });
    const low = run(guide, [{ type: 'measure', stepId: 'check-disc', value: 21 }, { type: 'next' }], answered);
    expect(low.currentStepId).toBe('replace-disc');
    const fine = run(guide, [{ type: 'measure', stepId: 'check-disc', value: 23 }, { type: 'next' }], answered);
    expect(fine.currentStepId).toBe('refit');
  });

  it('finishes after the last step, or on a step marked end, and refuses to go further', () => {
    const atRefit = run(brakeLike, [{ type: 'goto', stepId: 'refit-wheel' }]);
    const finished = run(brakeLike, [{ type: 'next' }], atRefit);
    expect(finished.currentStepId).toBeNull();
    expect(refusal(brakeLike, finished, { type: 'next' })).toBe('guide_finished');
    expect(refusal(brakeLike, finished, { type: 'confirm', stepId: 'refit-wheel' })).toBe('guide_finished');
    const atLast = run(brakeLike, [{ type: 'goto', stepId: 'get-help' }]);
    expect(run(brakeLike, [{ type: 'next' }], atLast).currentStepId).toBeNull();
  });

  it('refuses actions on a step that is not the current one', () => {
    const progress = startGuide(brakeLike);
    const actions: GuideAction[] = [
      { type: 'acknowledge', stepId: 'measure-pads', warningIndex: 0 },
      { type: 'confirm', stepId: 'measure-pads' },
      { type: 'measure', stepId: 'measure-pads', value: 4 },
      { type: 'answer', stepId: 'inspect-disc', answerId: 'smooth' },
    ];
    for (const action of actions) expect(refusal(brakeLike, progress, action)).toBe('not_current_step');
  });

  it('refuses actions the current step does not ask for', () => {
    const start = startGuide(brakeLike);
    expect(refusal(brakeLike, start, { type: 'acknowledge', stepId: 'secure-car', warningIndex: 2 })).toBe('no_such_warning');
    expect(refusal(brakeLike, start, { type: 'measure', stepId: 'secure-car', value: 3 })).toBe('no_measurement_check');
    expect(refusal(brakeLike, start, { type: 'answer', stepId: 'secure-car', answerId: 'smooth' })).toBe('no_question');
    expect(refusal(brakeLike, atMeasure, { type: 'confirm', stepId: 'measure-pads' })).toBe('no_confirm_check');
    expect(refusal(brakeLike, atMeasure, { type: 'measure', stepId: 'measure-pads', value: Number.NaN })).toBe('invalid_measurement');
    const atQuestion = run(brakeLike, [{ type: 'goto', stepId: 'inspect-disc' }]);
    expect(refusal(brakeLike, atQuestion, { type: 'answer', stepId: 'inspect-disc', answerId: 'maybe' })).toBe('no_such_answer');
  });

  it('goes back to the previously visited step, not the previous one in order, keeping what was entered', () => {
    const atReplace = run(brakeLike, [{ type: 'measure', stepId: 'measure-pads', value: 1.8 }, { type: 'next' }], atMeasure);
    expect(atReplace.history).toEqual(['secure-car', 'measure-pads', 'replace-pads']);
    const atInspect = run(brakeLike, [{ type: 'next' }], atReplace);
    const back = run(brakeLike, [{ type: 'back' }], atInspect);
    expect(back.currentStepId).toBe('replace-pads');
    const backTwice = run(brakeLike, [{ type: 'back' }], back);
    expect(backTwice.currentStepId).toBe('measure-pads');
    expect(backTwice.history).toEqual(['secure-car', 'measure-pads']);
    expect(backTwice.measurements['measure-pads']).toEqual({ value: 1.8, unit: 'mm' });
    const corrected = run(brakeLike, [{ type: 'measure', stepId: 'measure-pads', value: 4 }, { type: 'next' }], backTwice);
    expect(corrected.currentStepId).toBe('inspect-disc');
  });

  it('refuses back on the first visited step, and reopens the last step of a finished guide', () => {
    expect(refusal(brakeLike, startGuide(brakeLike), { type: 'back' })).toBe('no_previous_step');
    const finished = run(brakeLike, [{ type: 'goto', stepId: 'refit-wheel' }, { type: 'next' }]);
    expect(run(brakeLike, [{ type: 'back' }], finished).currentStepId).toBe('refit-wheel');
  });

  it('jumps anywhere with goto, even after the end, and back returns to where the jump came from', () => {
    const pushed = run(brakeLike, [{ type: 'goto', stepId: 'inspect-disc' }]);
    expect(pushed.currentStepId).toBe('inspect-disc');
    expect(run(brakeLike, [{ type: 'back' }], pushed).currentStepId).toBe('secure-car');
    expect(refusal(brakeLike, pushed, { type: 'goto', stepId: 'nope' })).toBe('unknown_step');
    expect(run(brakeLike, [{ type: 'goto', stepId: 'inspect-disc' }], pushed)).toBe(pushed);
    const finished = run(brakeLike, [{ type: 'goto', stepId: 'get-help' }, { type: 'next' }]);
    expect(run(brakeLike, [{ type: 'goto', stepId: 'secure-car' }], finished).currentStepId).toBe('secure-car');
  });

  it('asks again on a step visited a second time by a loop', () => {
    const guide = guideOf([
      { id: 'rinse', warnings: [text('Hot water.')] },
      { id: 'measure-ph', check: { kind: 'measurement', label: text('pH'), unit: 'pH', min: 6.5, onOutOfRange: 'rinse' } },
    ]);
    const looped = run(guide, [
      { type: 'acknowledge', stepId: 'rinse', warningIndex: 0 },
      { type: 'next' },
      { type: 'measure', stepId: 'measure-ph', value: 5 },
      { type: 'next' },
    ]);
    expect(looped.currentStepId).toBe('rinse');
    expect(canAdvance(guide, looped)).toMatchObject({ reason: 'warning_unacknowledged' });
    const again = run(guide, [{ type: 'acknowledge', stepId: 'rinse', warningIndex: 0 }, { type: 'next' }], looped);
    expect(canAdvance(guide, again)).toMatchObject({ reason: 'measurement_missing' });
    const done = run(guide, [{ type: 'measure', stepId: 'measure-ph', value: 7 }, { type: 'next' }], again);
    expect(done.currentStepId).toBeNull();
    expect(done.history).toEqual(['rinse', 'measure-ph', 'rinse', 'measure-ph']);
  });

  it('handles step ids that are also Object.prototype names', () => {
    const guide = guideOf([
      { id: 'constructor', question: { prompt: text('?'), answers: [{ id: 'go', label: text('Go'), next: 'done' }] } },
      { id: 'done' },
    ]);
    const progress = startGuide(guide);
    expect(canAdvance(guide, progress)).toMatchObject({ ok: false, reason: 'answer_missing' });
    expect(run(guide, [{ type: 'answer', stepId: 'constructor', answerId: 'go' }, { type: 'next' }]).currentStepId).toBe('done');
  });

  it('never modifies the guide or the progress it is given', () => {
    const freeze = <T>(value: T): T => {
      if (value && typeof value === 'object') {
        Object.values(value).forEach(freeze);
        Object.freeze(value);
      }
      return value;
    };
    const guide = freeze(structuredClone(brakeLike));
    let progress = freeze(startGuide(guide));
    const actions: GuideAction[] = [
      { type: 'acknowledge', stepId: 'secure-car', warningIndex: 0 },
      { type: 'acknowledge', stepId: 'secure-car', warningIndex: 1 },
      { type: 'confirm', stepId: 'secure-car' },
      { type: 'next' },
      { type: 'measure', stepId: 'measure-pads', value: 5 },
      { type: 'next' },
      { type: 'answer', stepId: 'inspect-disc', answerId: 'smooth' },
      { type: 'back' },
      { type: 'goto', stepId: 'inspect-disc' },
      { type: 'next' },
    ];
    for (const action of actions) {
      const before = structuredClone(progress);
      const result = applyGuideAction(guide, progress, action);
      expect(progress).toEqual(before);
      if (result.ok) progress = freeze(result.progress);
    }
    expect(guide).toEqual(brakeLike);
  });
});

describe('wire schemas', () => {
  it('parses every action type and refuses malformed ones', () => {
    const valid: unknown[] = [
      { type: 'acknowledge', stepId: 'secure-car', warningIndex: 0 },
      { type: 'confirm', stepId: 'secure-car' },
      { type: 'measure', stepId: 'measure-pads', value: 2.5 },
      { type: 'answer', stepId: 'inspect-disc', answerId: 'smooth' },
      { type: 'next' },
      { type: 'back' },
      { type: 'goto', stepId: 'get-help' },
    ];
    for (const action of valid) expect(GuideActionSchema.safeParse(action).success).toBe(true);
    const invalid: unknown[] = [
      { type: 'skip' },
      { type: 'measure', stepId: 'measure-pads', value: Number.POSITIVE_INFINITY },
      { type: 'acknowledge', stepId: 'secure-car', warningIndex: -1 },
      { type: 'next', stepId: 'secure-car' },
      { type: 'goto', stepId: 'Not A Slug' },
    ];
    for (const action of invalid) expect(GuideActionSchema.safeParse(action).success).toBe(false);
  });

  it('round-trips a progress through JSON', () => {
    const progress = run(brakeLike, [
      { type: 'acknowledge', stepId: 'secure-car', warningIndex: 0 },
      { type: 'acknowledge', stepId: 'secure-car', warningIndex: 1 },
      { type: 'confirm', stepId: 'secure-car' },
      { type: 'next' },
      { type: 'measure', stepId: 'measure-pads', value: 2 },
      { type: 'next' },
    ]);
    expect(GuideProgressSchema.parse(JSON.parse(JSON.stringify(progress)))).toEqual(progress);
  });
});

const slugArbitrary = fc.oneof(
  { weight: 1, arbitrary: fc.constant('constructor') },
  { weight: 9, arbitrary: fc.stringMatching(/^[a-z][a-z0-9]{0,7}(?:-[a-z0-9]{1,5})?$/) },
);

const linearGuideArbitrary = fc.uniqueArray(slugArbitrary, { minLength: 1, maxLength: 12 }).chain((ids) =>
  fc
    .tuple(
      ...ids.map((id, index) =>
        fc.record({
          warnings: fc.integer({ min: 0, max: 3 }),
          check: fc.constantFrom('none', 'confirm', 'measurement'),
          range: fc.tuple(fc.option(fc.integer({ min: -50, max: 50 }), { nil: undefined }), fc.integer({ min: 0, max: 100 })),
          onOutOfRange: fc.constantFrom(...ids),
          answers: index < ids.length - 1 ? fc.integer({ min: 0, max: 3 }) : fc.constant(0),
        }).map(({ warnings, check, range: [min, span], onOutOfRange, answers }) => {
          const following = ids[index + 1];
          const step: Record<string, unknown> = { id, title: text(id), text: text(`Do ${id}.`) };
          step.warnings = Array.from({ length: warnings }, (_unused, n) => text(`Warning ${n}`));
          if (check === 'confirm') step.check = { kind: 'confirm' };
          if (check === 'measurement') {
            const bounds = min === undefined ? { max: span } : { min, max: min + span };
            step.check = { kind: 'measurement', label: text('Value'), unit: 'mm', ...bounds, onOutOfRange };
          }
          if (answers > 0 && following) {
            step.question = {
              prompt: text('Which?'),
              answers: Array.from({ length: answers }, (_unused, n) => ({ id: `answer-${n}`, label: text(`Answer ${n}`), next: following })),
            };
          }
          return step;
        }),
      ),
    )
    .map((steps): GuideInput => ({
      formatVersion: 1,
      id: 'generated',
      productId: 'wheel-corner',
      title: text('Generated'),
      summary: text('A generated linear guide'),
      estimatedMinutes: 1,
      languages: ['en'],
      steps: steps as GuideInput['steps'],
    })),
);

describe('property: linear guides', () => {
  it('visits every step exactly once, in order, and finishes when each step is satisfied before next', () => {
    fc.assert(
      fc.property(linearGuideArbitrary, (input) => {
        const guide = GuideSchema.parse(input);
        expect(validateGuide(guide, new Set())).toEqual({ ok: true });
        let progress = startGuide(guide);
        for (let turns = 0; progress.currentStepId !== null; turns++) {
          expect(turns).toBeLessThan(guide.steps.length);
          const step = guide.steps.find((candidate) => candidate.id === progress.currentStepId);
          if (!step) throw new Error(`lost at ${String(progress.currentStepId)}`);
          const needsInput = step.warnings.length > 0 || step.check !== undefined || step.question !== undefined;
          expect(canAdvance(guide, progress).ok).toBe(!needsInput);
          const actions: GuideAction[] = step.warnings.map((_warning, warningIndex) => ({ type: 'acknowledge', stepId: step.id, warningIndex }));
          if (step.check?.kind === 'confirm') actions.push({ type: 'confirm', stepId: step.id });
          if (step.check?.kind === 'measurement') actions.push({ type: 'measure', stepId: step.id, value: step.check.min ?? step.check.max ?? 0 });
          const answer = step.question?.answers.at(-1);
          if (answer) actions.push({ type: 'answer', stepId: step.id, answerId: answer.id });
          progress = run(guide, [...actions, { type: 'next' }], progress);
        }
        expect(progress.history).toEqual(guide.steps.map((step) => step.id));
      }),
      { numRuns: 300 },
    );
  });
});
