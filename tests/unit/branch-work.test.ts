// Where a step leads in the guide editor, on the guide as JSON: a question replaces next/end, answers are capped at 3,
// every exit is listed as the engine sees it, a graph drag re-targets the field it names, and issues sit beside them.
import { describe, expect, it } from 'vitest';
import { addAnswer, addQuestion, branchesOf, END, patchAnswer, removeQuestion, retarget, setThen, thenOf } from '../../client/src/studio/guides/branch-work.ts';
import { fieldOfIssue, stepFieldPaths, stepsOf } from '../../client/src/studio/guides/guide-work.ts';
import { stepExits } from '../../core/guide-validation.ts';
import { GuideSchema } from '../../core/guide.ts';

const t = (en: string) => ({ en, es: en });
const step = (id: string) => ({ id, title: t(id), text: t(`${id} text`) });
const guide = {
  formatVersion: 1,
  id: 'g',
  productId: 'wheel-corner',
  title: t('G'),
  summary: t('S'),
  estimatedMinutes: 5,
  languages: ['en', 'es'],
  steps: [step('a'), { ...step('b'), check: { kind: 'measurement', label: t('L'), unit: 'mm', min: 1, onOutOfRange: 'a' } }, step('c'), step('d')],
};

describe('branch work', () => {
  it('adds a question in place of next/end, caps answers at 3, and removes it', () => {
    const ended = setThen(guide, 0, END);
    expect(thenOf(stepsOf(ended)[0] ?? {})).toBe(END);
    const asked = addQuestion(ended, 0);
    const first = stepsOf(asked)[0] ?? {};
    expect(first.end).toBeUndefined();
    expect(first.question).toEqual({ prompt: { en: '', es: '' }, answers: [{ id: 'answer-1', label: { en: '', es: '' }, next: 'b' }] });
    const full = addAnswer(addAnswer(addAnswer(asked, 0), 0), 0);
    expect((stepsOf(full)[0]?.question as { answers: Array<{ id: string }> }).answers.map((a) => a.id)).toEqual(['answer-1', 'answer-2', 'answer-3']);
    expect(stepsOf(removeQuestion(full, 0))[0]?.question).toBeUndefined();
    expect(thenOf(stepsOf(setThen(guide, 2, 'a'))[2] ?? {})).toBe('a');
    expect(stepsOf(setThen(setThen(guide, 2, 'a'), 2, ''))[2]).toEqual(step('c'));
  });

  it('lists every exit in the engine order and paths, and re-targets by that path', () => {
    const asked = patchAnswer(addAnswer(addQuestion(guide, 0), 0), 0, 1, { next: 'c' });
    const complete = patchAnswer(asked, 0, 0, { label: t('yes') });
    const parsed = GuideSchema.parse(JSON.parse(JSON.stringify(patchAnswer(complete, 0, 1, { label: t('no') })).replaceAll('"prompt":{"en":"","es":""}', '"prompt":{"en":"Q","es":"Q"}')));
    const engine = parsed.steps.flatMap((_s, index) => stepExits(parsed, index).map((exit) => [exit.path, exit.to ?? END]));
    expect(branchesOf(asked).map((branch) => [branch.path, branch.to])).toEqual(engine);
    expect(branchesOf(asked).map((branch) => branch.kind)).toEqual(['answer', 'answer', 'outOfRange', 'default', 'default', 'default']);

    expect(branchesOf(retarget(asked, 'steps.0.question.answers.1.next', 'd'))[1]?.to).toBe('d');
    expect(retarget(asked, 'steps.0.question.answers.1.next', END)).toBe(asked);
    expect(branchesOf(retarget(asked, 'steps.1.check.onOutOfRange', 'c'))[2]?.to).toBe('c');
    const ended = retarget(asked, 'steps.2.next', END);
    expect(branchesOf(ended)[4]).toMatchObject({ path: 'steps.2.end', kind: 'end', to: END });
    expect(branchesOf(retarget(ended, 'steps.2.end', 'a'))[4]).toMatchObject({ path: 'steps.2.next', kind: 'next', to: 'a' });
  });

  it('shows question, next and hint issues beside their fields', () => {
    const asked = addQuestion(guide, 0);
    const fields = stepFieldPaths(stepsOf(asked)[0] ?? {}, 0);
    expect(fieldOfIssue({ path: 'steps.0.question.prompt.en', message: 'must not be empty' }, fields)).toBe('steps.0.question.prompt.en');
    expect(fieldOfIssue({ path: 'steps.0.question.answers.0.next', message: 'not a step' }, fields)).toBe('steps.0.question.answers.0.next');
    expect(fieldOfIssue({ path: 'steps.0.question.answers.0.id', message: 'duplicate answer id' }, fields)).toBe('steps.0.question.answers');
    const plain = stepFieldPaths({ ...step('c'), hint: { kind: 'rotate' } }, 2);
    expect(fieldOfIssue({ path: 'steps.2.next', message: 'not a step' }, plain)).toBe('steps.2.next');
    expect(fieldOfIssue({ path: 'steps.2.hint.turns', message: 'Too small' }, plain)).toBe('steps.2.hint.turns');
  });
});
