// What changed between two versions of a guide, as an author reads it: guide fields, steps added, removed and changed
// (with the changed fields, and "position" when a step moved).
import type { Guide, GuideStep, LocalizedGuideText } from './guide.ts';

export interface StepRef {
  id: string;
  title: LocalizedGuideText;
}

export interface StepChange extends StepRef {
  fields: string[];
}

export interface GuideDiff {
  /** Guide-level fields that differ (title, summary, languages, …). */
  fields: string[];
  added: StepRef[];
  removed: StepRef[];
  changed: StepChange[];
}

const GUIDE_FIELDS = ['title', 'summary', 'estimatedMinutes', 'languages', 'requiredTools', 'requiredParts'] as const;
const STEP_FIELDS = ['title', 'text', 'targetPartIds', 'highlight', 'hint', 'warnings', 'media', 'check', 'question', 'next', 'end', 'consumesParts'] as const;

/** Deep equality of JSON values, whatever the order of object keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, index) => sameJson(item, b[index]));
  }
  const keysA = Object.keys(a).filter((key) => (a as Record<string, unknown>)[key] !== undefined);
  const keysB = Object.keys(b).filter((key) => (b as Record<string, unknown>)[key] !== undefined);
  return keysA.length === keysB.length && keysA.every((key) => sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

const ref = (step: GuideStep): StepRef => ({ id: step.id, title: step.title });

export function diffGuides(from: Guide, to: Guide): GuideDiff {
  const before = new Map(from.steps.map((step, index) => [step.id, { step, index }]));
  const after = new Set(to.steps.map((step) => step.id));
  const kept = from.steps.filter((step) => after.has(step.id)).map((step) => step.id);
  const keptAfter = to.steps.filter((step) => before.has(step.id)).map((step) => step.id);
  const changed: StepChange[] = [];
  for (const step of to.steps) {
    const old = before.get(step.id);
    if (!old) continue;
    const fields: string[] = STEP_FIELDS.filter((field) => !sameJson(old.step[field], step[field]));
    if (kept.indexOf(step.id) !== keptAfter.indexOf(step.id)) fields.push('position');
    if (fields.length > 0) changed.push({ ...ref(step), fields });
  }
  return {
    fields: GUIDE_FIELDS.filter((field) => !sameJson(from[field], to[field])),
    added: to.steps.filter((step) => !before.has(step.id)).map(ref),
    removed: from.steps.filter((step) => !after.has(step.id)).map(ref),
    changed,
  };
}
