// The guide format's shape rules: safe text, versioning, strict keys and per-step consistency.
import { describe, expect, it } from 'vitest';
import { issuesFromZod } from '../../core/errors.ts';
import { GuideSchema, GuideTextSchema, guideTextSegments } from '../../core/guide.ts';
import type { GuideInput } from '../../core/guide.ts';

const text = (en: string, es = en) => ({ en, es });

function guideWith(step: Record<string, unknown>, extra: Record<string, unknown> = {}): GuideInput {
  return {
    formatVersion: 1,
    id: 'sample',
    productId: 'wheel-corner',
    title: text('Sample'),
    summary: text('A sample guide'),
    estimatedMinutes: 5,
    languages: ['en', 'es'],
    steps: [{ id: 'only-step', title: text('Step'), text: text('Do it.'), ...step }],
    ...extra,
  } as GuideInput;
}

function issuesOf(input: unknown) {
  const result = GuideSchema.safeParse(input);
  return result.success ? [] : issuesFromZod(result.error);
}

describe('guide text', () => {
  it.each(['<b>bold</b>', 'Press <script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'end</div>', '<!-- note -->', 'x < a href'])(
    'rejects raw HTML: %s',
    (html) => {
      const issues = issuesOf(guideWith({ text: text('Fine.', html) }));
      expect(issues).toContainEqual({
        path: 'steps.0.text.es',
        message: 'must not contain HTML tags such as "<b>": write plain text, with **bold** as the only formatting',
      });
    },
  );

  it.each(['pH < 7', 'less than <3 mm', 'a <= b', 'Tighten to **30 Nm**'])('accepts plain text: %s', (plain) => {
    expect(GuideTextSchema.safeParse(plain).success).toBe(true);
  });

  it('rejects an unclosed bold marker', () => {
    const issues = issuesOf(guideWith({ title: text('**Careful') }));
    expect(issues.map((issue) => issue.path)).toEqual(['steps.0.title.en', 'steps.0.title.es']);
    expect(issues[0]?.message).toMatch(/unclosed "\*\*"/);
  });

  it('splits text into plain and bold runs without building markup', () => {
    expect(guideTextSegments('Tighten to **30 Nm** now')).toEqual([
      { text: 'Tighten to ', bold: false },
      { text: '30 Nm', bold: true },
      { text: ' now', bold: false },
    ]);
    expect(guideTextSegments('**all bold**')).toEqual([{ text: 'all bold', bold: true }]);
  });
});

describe('guide shape', () => {
  it('fills defaults for optional lists and the highlight', () => {
    const guide = GuideSchema.parse(guideWith({}));
    expect(guide.steps[0]).toMatchObject({ targetPartIds: [], warnings: [], consumesParts: [], highlight: 'outline' });
    expect(guide.requiredParts).toEqual([]);
  });

  it('refuses another format version and names the field', () => {
    expect(issuesOf(guideWith({}, { formatVersion: 2 }))).toEqual([
      { path: 'formatVersion', message: 'unsupported guide format version 2: this build reads version 1' },
    ]);
    const { formatVersion: _formatVersion, ...unversioned } = guideWith({});
    expect(issuesOf(unversioned)).toEqual([{ path: 'formatVersion', message: 'is required: set "formatVersion": 1' }]);
  });

  it('refuses unknown keys so a typo is not silently dropped', () => {
    expect(issuesOf(guideWith({ nxt: 'only-step' })).map((issue) => issue.path)).toEqual(['steps.0']);
  });

  it('refuses a next on a question step, and next together with end', () => {
    const question = { prompt: text('Which?'), answers: [{ id: 'a', label: text('A'), next: 'only-step' }] };
    expect(issuesOf(guideWith({ question, next: 'only-step' }))).toContainEqual({
      path: 'steps.0.next',
      message: 'is ignored on a step with a question: each answer names its next step',
    });
    expect(issuesOf(guideWith({ end: true, next: 'only-step' }))).toContainEqual({ path: 'steps.0.next', message: 'cannot be combined with end: true' });
  });

  it('allows 1 to 3 answers with distinct ids', () => {
    const answer = (id: string) => ({ id, label: text(id), next: 'only-step' });
    expect(issuesOf(guideWith({ question: { prompt: text('?'), answers: [] } }))[0]?.path).toBe('steps.0.question.answers');
    const four = ['a', 'b', 'c', 'd'].map(answer);
    expect(issuesOf(guideWith({ question: { prompt: text('?'), answers: four } }))[0]?.message).toBe('allows at most 3 answers');
    expect(issuesOf(guideWith({ question: { prompt: text('?'), answers: [answer('a'), answer('a')] } }))).toEqual([
      { path: 'steps.0.question.answers.1.id', message: 'duplicate answer id "a"' },
    ]);
  });

  it('needs a range on a measurement, with min not above max', () => {
    const measurement = { kind: 'measurement', label: text('Pad'), unit: 'mm', onOutOfRange: 'only-step' };
    expect(issuesOf(guideWith({ check: measurement }))[0]?.path).toBe('steps.0.check.min');
    expect(issuesOf(guideWith({ check: { ...measurement, min: 5, max: 3 } }))).toEqual([
      { path: 'steps.0.check.max', message: 'min must not be greater than max' },
    ]);
    expect(issuesOf(guideWith({ check: { ...measurement, unit: 'furlongs', min: 1 } }))[0]?.path).toBe('steps.0.check.unit');
  });

  it('refuses a zero-length hint direction and unsafe media URLs', () => {
    expect(issuesOf(guideWith({ hint: { kind: 'arrow', direction: [0, 0, 0] } }))[0]?.path).toBe('steps.0.hint.direction');
    const media = (url: string) => ({ media: { kind: 'image', url, alt: text('Pad') } });
    expect(issuesOf(guideWith(media('javascript:alert(1)')))[0]?.path).toBe('steps.0.media.url');
    expect(issuesOf(guideWith(media('//evil.example/x.png')))[0]?.path).toBe('steps.0.media.url');
    expect(issuesOf(guideWith(media('https://cdn.example/pad.jpg')))).toEqual([]);
    expect(issuesOf(guideWith(media('/assets/guides/media/pad.jpg')))).toEqual([]);
  });

  it('refuses a part listed twice in requiredParts', () => {
    const requiredParts = [{ partId: 'brake-pads', quantity: 1 }, { partId: 'brake-pads', quantity: 2 }];
    expect(issuesOf(guideWith({}, { requiredParts }))).toEqual([{ path: 'requiredParts', message: 'lists a part twice' }]);
  });
});
