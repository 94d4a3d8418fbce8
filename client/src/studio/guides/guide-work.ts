// The guide being written, as the editor changes it: steps added, moved, removed and patched without losing fields the
// editor does not show, and the validator's issues found by the path they name (`steps.2.check.min`).
import type { ErrorIssue } from '../../../../core/ack.ts';

export type GuideWork = Record<string, unknown>;
export type WorkStep = Record<string, unknown>;
export interface Localized {
  en: string;
  es: string;
}

export const EMPTY_TEXT: Localized = { en: '', es: '' };

export function localized(value: unknown): Localized {
  const text = (typeof value === 'object' && value !== null ? value : {}) as Partial<Record<'en' | 'es', unknown>>;
  return { en: typeof text.en === 'string' ? text.en : '', es: typeof text.es === 'string' ? text.es : '' };
}

export function stepsOf(guide: GuideWork): WorkStep[] {
  return Array.isArray(guide.steps) ? (guide.steps as unknown[]).map((step) => (typeof step === 'object' && step !== null ? (step as WorkStep) : {})) : [];
}

export const stepId = (step: WorkStep, index: number): string => (typeof step.id === 'string' ? step.id : `#${index + 1}`);
export const partIdsOf = (step: WorkStep): string[] => (Array.isArray(step.targetPartIds) ? step.targetPartIds.filter((id): id is string => typeof id === 'string') : []);
export const warningsOf = (step: WorkStep): Localized[] => (Array.isArray(step.warnings) ? step.warnings.map(localized) : []);

/** Sets (or, with undefined, removes) fields of one step. */
export function patchStep(guide: GuideWork, index: number, patch: Record<string, unknown>): GuideWork {
  const steps = stepsOf(guide).map((step, at) => {
    if (at !== index) return step;
    const next: WorkStep = { ...step, ...patch };
    for (const [key, value] of Object.entries(patch)) if (value === undefined) delete next[key];
    return next;
  });
  return { ...guide, steps };
}

export function addStep(guide: GuideWork): GuideWork {
  const steps = stepsOf(guide);
  const used = new Set(steps.map(stepId));
  let number = steps.length + 1;
  while (used.has(`step-${number}`)) number += 1;
  return { ...guide, steps: [...steps, { id: `step-${number}`, title: EMPTY_TEXT, text: EMPTY_TEXT }] };
}

export function moveStep(guide: GuideWork, index: number, by: -1 | 1): GuideWork {
  const steps = stepsOf(guide);
  const to = index + by;
  if (to < 0 || to >= steps.length) return guide;
  const moved = [...steps];
  const [step] = moved.splice(index, 1);
  if (step) moved.splice(to, 0, step);
  return { ...guide, steps: moved };
}

export function removeStep(guide: GuideWork, index: number): GuideWork {
  return { ...guide, steps: stepsOf(guide).filter((_step, at) => at !== index) };
}

export function togglePart(guide: GuideWork, index: number, partId: string): GuideWork {
  const step = stepsOf(guide)[index];
  if (!step) return guide;
  const ids = partIdsOf(step);
  return patchStep(guide, index, { targetPartIds: ids.includes(partId) ? ids.filter((id) => id !== partId) : [...ids, partId] });
}

/** Issues about `path` itself or anything inside it. */
export function issuesUnder(issues: readonly ErrorIssue[], path: string): ErrorIssue[] {
  return issues.filter((issue) => issue.path === path || issue.path.startsWith(`${path}.`));
}

/** The step an issue names, from `steps.<index>.…`; null for guide-level issues. */
export function stepOfIssue(issue: ErrorIssue): number | null {
  const match = /^steps\.(\d+)(?:\.|$)/.exec(issue.path);
  return match ? Number(match[1]) : null;
}

/** The id of the input for a field path: `steps.2.check.min` → `gf-steps-2-check-min`. */
export const fieldDomId = (path: string): string => `gf-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;
export const issueDomId = (path: string): string => `${fieldDomId(path)}-issues`;

/** The fields the editor shows for one step, by path: where each of the step's issues is shown. */
export function stepFieldPaths(step: WorkStep, index: number): string[] {
  const at = `steps.${index}`;
  const check = (typeof step.check === 'object' && step.check !== null ? step.check : {}) as Record<string, unknown>;
  const measurement = check.kind === 'measurement' ? ['label.en', 'label.es', 'unit', 'min', 'max', 'onOutOfRange'].map((field) => `${at}.check.${field}`) : [];
  const warnings = warningsOf(step).flatMap((_warning, n) => [`${at}.warnings.${n}.en`, `${at}.warnings.${n}.es`]);
  return [`${at}.title.en`, `${at}.title.es`, `${at}.text.en`, `${at}.text.es`, `${at}.targetPartIds`, ...hintFieldPaths(step, at), ...warnings, `${at}.check`, ...measurement, ...branchFieldPaths(step, at)];
}

function hintFieldPaths(step: WorkStep, at: string): string[] {
  const hint = (typeof step.hint === 'object' && step.hint !== null ? step.hint : {}) as Record<string, unknown>;
  const fields = hint.kind === 'rotate' ? ['axis', 'turns'] : hint.kind === 'translate' ? ['direction', 'distance'] : hint.kind === 'arrow' ? ['direction'] : [];
  return [`${at}.hint`, ...fields.map((field) => `${at}.hint.${field}`)];
}

/** A step's question (prompt, each answer's label and next step) or, without one, where it leads (`next`, `end`). */
function branchFieldPaths(step: WorkStep, at: string): string[] {
  const question = (typeof step.question === 'object' && step.question !== null ? step.question : null) as Record<string, unknown> | null;
  if (!question) return [`${at}.next`, `${at}.end`];
  const answers = Array.isArray(question.answers) ? question.answers : [];
  const answerFields = answers.flatMap((_answer, n) => ['label.en', 'label.es', 'next'].map((field) => `${at}.question.answers.${n}.${field}`));
  return [`${at}.question.prompt.en`, `${at}.question.prompt.es`, `${at}.question.answers`, ...answerFields];
}

export const GUIDE_FIELD_PATHS = ['title.en', 'title.es', 'summary.en', 'summary.es', 'estimatedMinutes'];

/** The shown field an issue belongs beside: the deepest field containing its path, else the first field inside it. */
export function fieldOfIssue(issue: ErrorIssue, fields: readonly string[]): string | null {
  const containing = fields.filter((field) => issue.path === field || issue.path.startsWith(`${field}.`)).sort((a, b) => b.length - a.length)[0];
  return containing ?? fields.find((field) => field.startsWith(`${issue.path}.`)) ?? null;
}

/** Issues grouped by the field they are shown beside; '' holds those no shown field takes. */
export function issuesByField(issues: readonly ErrorIssue[], fields: readonly string[]): Map<string, ErrorIssue[]> {
  const grouped = new Map<string, ErrorIssue[]>();
  for (const issue of issues) {
    const field = fieldOfIssue(issue, fields) ?? '';
    grouped.set(field, [...(grouped.get(field) ?? []), issue]);
  }
  return grouped;
}
