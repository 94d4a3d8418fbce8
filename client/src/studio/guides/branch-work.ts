// Where each step of the guide being written leads: its question and answers, its `next` / `end`, and every branch
// (an exit) as the graph draws it, re-targeted by the path of the field that holds it.
import { EMPTY_TEXT, localized, patchStep, stepId, stepsOf, type GuideWork, type Localized, type WorkStep } from './guide-work.ts';

export const MAX_ANSWERS = 3;
/** The choice that ends the guide, in the "then" select and as the graph's end node. */
export const END = '@end';

export interface WorkAnswer {
  id: string;
  label: Localized;
  next: string;
}

export interface WorkQuestion {
  prompt: Localized;
  answers: WorkAnswer[];
}

const record = (value: unknown): Record<string, unknown> | null => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null);

export function questionOf(step: WorkStep): WorkQuestion | null {
  const question = record(step.question);
  if (!question) return null;
  const answers = Array.isArray(question.answers) ? question.answers.map(record) : [];
  return {
    prompt: localized(question.prompt),
    answers: answers.map((answer, n) => ({ id: typeof answer?.id === 'string' ? answer.id : `answer-${n + 1}`, label: localized(answer?.label), next: typeof answer?.next === 'string' ? answer.next : '' })),
  };
}

/** '' for "the following step in order", END, or the step id `next` names. */
export function thenOf(step: WorkStep): string {
  if (step.end === true) return END;
  return typeof step.next === 'string' ? step.next : '';
}

export function setThen(guide: GuideWork, index: number, then: string): GuideWork {
  if (then === END) return patchStep(guide, index, { end: true, next: undefined });
  return patchStep(guide, index, { end: undefined, next: then === '' ? undefined : then });
}

/** The step an answer leads to when it is first added: the following step, or the first other one for the last step. */
function defaultTarget(guide: GuideWork, index: number): string {
  const ids = stepsOf(guide).map(stepId);
  return ids[index + 1] ?? ids.find((_id, at) => at !== index) ?? ids[index] ?? '';
}

function freeAnswerId(answers: readonly WorkAnswer[]): string {
  const used = new Set(answers.map((answer) => answer.id));
  let number = answers.length + 1;
  while (used.has(`answer-${number}`)) number += 1;
  return `answer-${number}`;
}

/** A question replaces `next` and `end`: each answer names its next step. */
export function addQuestion(guide: GuideWork, index: number): GuideWork {
  const next = defaultTarget(guide, index);
  const question: WorkQuestion = { prompt: EMPTY_TEXT, answers: [{ id: 'answer-1', label: EMPTY_TEXT, next }] };
  return patchStep(guide, index, { question, next: undefined, end: undefined });
}

export function removeQuestion(guide: GuideWork, index: number): GuideWork {
  return patchStep(guide, index, { question: undefined });
}

function updateQuestion(guide: GuideWork, index: number, update: (question: WorkQuestion) => WorkQuestion): GuideWork {
  const step = stepsOf(guide)[index];
  const question = step ? questionOf(step) : null;
  if (!question) return guide;
  const current = record(step?.question) ?? {};
  return patchStep(guide, index, { question: { ...current, ...update(question) } });
}

export function setPrompt(guide: GuideWork, index: number, prompt: Localized): GuideWork {
  return updateQuestion(guide, index, (question) => ({ ...question, prompt }));
}

export function addAnswer(guide: GuideWork, index: number): GuideWork {
  const next = defaultTarget(guide, index);
  return updateQuestion(guide, index, (question) =>
    question.answers.length >= MAX_ANSWERS ? question : { ...question, answers: [...question.answers, { id: freeAnswerId(question.answers), label: EMPTY_TEXT, next }] },
  );
}

export function removeAnswer(guide: GuideWork, index: number, answer: number): GuideWork {
  return updateQuestion(guide, index, (question) => ({ ...question, answers: question.answers.filter((_a, at) => at !== answer) }));
}

export function patchAnswer(guide: GuideWork, index: number, answer: number, patch: Partial<WorkAnswer>): GuideWork {
  return updateQuestion(guide, index, (question) => ({ ...question, answers: question.answers.map((a, at) => (at === answer ? { ...a, ...patch } : a)) }));
}

export type BranchKind = 'next' | 'default' | 'end' | 'answer' | 'outOfRange';

/** One way out of a step as the graph draws it; `path` names the field that holds it (the edge's id). */
export interface Branch {
  path: string;
  from: number;
  kind: BranchKind;
  /** A step id, or END. */
  to: string;
  answer?: { index: number; label: Localized };
}

/** Every way out of every step, in the engine's order (core/guide-validation.ts `stepExits`), on a guide being written. */
export function branchesOf(guide: GuideWork): Branch[] {
  const steps = stepsOf(guide);
  return steps.flatMap((step, from): Branch[] => {
    const at = `steps.${from}`;
    const out: Branch[] = [];
    const check = record(step.check);
    if (check?.kind === 'measurement' && typeof check.onOutOfRange === 'string') out.push({ path: `${at}.check.onOutOfRange`, from, kind: 'outOfRange', to: check.onOutOfRange });
    const question = questionOf(step);
    if (question) {
      question.answers.forEach((answer, index) => out.push({ path: `${at}.question.answers.${index}.next`, from, kind: 'answer', to: answer.next, answer: { index, label: answer.label } }));
    } else if (step.end === true) out.push({ path: `${at}.end`, from, kind: 'end', to: END });
    else if (typeof step.next === 'string') out.push({ path: `${at}.next`, from, kind: 'next', to: step.next });
    else {
      const following = steps[from + 1];
      out.push({ path: `${at}.next`, from, kind: 'default', to: following ? stepId(following, from + 1) : END });
    }
    return out;
  });
}

/** Points the branch held at `path` to `to` (a step id or END); answers and out-of-range readings cannot end the guide. */
export function retarget(guide: GuideWork, path: string, to: string): GuideWork {
  const answer = /^steps\.(\d+)\.question\.answers\.(\d+)\.next$/.exec(path);
  if (answer) return to === END ? guide : patchAnswer(guide, Number(answer[1]), Number(answer[2]), { next: to });
  const outOfRange = /^steps\.(\d+)\.check\.onOutOfRange$/.exec(path);
  if (outOfRange) {
    const index = Number(outOfRange[1]);
    const check = record(stepsOf(guide)[index]?.check);
    return to === END || !check ? guide : patchStep(guide, index, { check: { ...check, onOutOfRange: to } });
  }
  const then = /^steps\.(\d+)\.(?:next|end)$/.exec(path);
  return then ? setThen(guide, Number(then[1]), to) : guide;
}
