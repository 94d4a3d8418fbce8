// Checks a guide against its product's parts and its own step graph: part ids, references, reachability and traps.
import { issuesFromZod } from './errors.ts';
import type { ErrorIssue } from './ack.ts';
import { GuideSchema, type Guide } from './guide.ts';

export type GuideValidationResult = { ok: true } | { ok: false; issues: ErrorIssue[] };

/** One way out of a step: `to` is a step id, or null when the guide ends there. */
export interface StepExit {
  to: string | null;
  path: string;
  field: string;
}

/** Every way a step can be left, in the order the engine considers them. */
export function stepExits(guide: Guide, index: number): StepExit[] {
  const step = guide.steps[index];
  if (!step) return [];
  const base = `steps.${index}`;
  const exits: StepExit[] = [];
  if (step.check?.kind === 'measurement') {
    exits.push({ to: step.check.onOutOfRange, path: `${base}.check.onOutOfRange`, field: 'check.onOutOfRange' });
  }
  if (step.question) {
    step.question.answers.forEach((answer, answerIndex) => {
      const field = `question.answers.${answerIndex}.next`;
      exits.push({ to: answer.next, path: `${base}.${field}`, field });
    });
  } else if (step.end) {
    exits.push({ to: null, path: `${base}.end`, field: 'end' });
  } else if (step.next !== undefined) {
    exits.push({ to: step.next, path: `${base}.next`, field: 'next' });
  } else {
    exits.push({ to: guide.steps[index + 1]?.id ?? null, path: `${base}.next`, field: 'next (default: the following step)' });
  }
  return exits;
}

/** Shape (zod) and then graph and parts (`validateGuide`), for guides read from JSON or received from an author. */
export function parseGuide(input: unknown, partIds: ReadonlySet<string>): { ok: true; guide: Guide } | { ok: false; issues: ErrorIssue[] } {
  const parsed = GuideSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: issuesFromZod(parsed.error) };
  const validation = validateGuide(parsed.data, partIds);
  return validation.ok ? { ok: true, guide: parsed.data } : validation;
}

export function validateGuide(guide: Guide, partIds: ReadonlySet<string>): GuideValidationResult {
  const issues: ErrorIssue[] = [];
  const indexById = new Map<string, number>();
  const requiredPartIds = new Set(guide.requiredParts.map((part) => part.partId));

  guide.requiredParts.forEach((part, index) => {
    if (!partIds.has(part.partId)) {
      issues.push({ path: `requiredParts.${index}.partId`, message: `requiredParts → "${part.partId}" is not a part of this product` });
    }
  });

  guide.steps.forEach((step, index) => {
    const at = (field: string) => `step "${step.id}": ${field}`;
    const first = indexById.get(step.id);
    if (first === undefined) indexById.set(step.id, index);
    else issues.push({ path: `steps.${index}.id`, message: `${at('id')} → "${step.id}" is already the id of steps.${first}` });

    step.targetPartIds.forEach((partId, partIndex) => {
      if (!partIds.has(partId)) {
        issues.push({ path: `steps.${index}.targetPartIds.${partIndex}`, message: `${at('targetPartIds')} → "${partId}" is not a part of this product` });
      }
    });
    step.consumesParts.forEach((part, partIndex) => {
      const path = `steps.${index}.consumesParts.${partIndex}.partId`;
      if (!partIds.has(part.partId)) {
        issues.push({ path, message: `${at('consumesParts')} → "${part.partId}" is not a part of this product` });
      } else if (!requiredPartIds.has(part.partId)) {
        issues.push({ path, message: `${at('consumesParts')} → "${part.partId}" is not listed in the guide's requiredParts` });
      }
    });
  });

  const ids = new Set(guide.steps.map((step) => step.id));
  guide.steps.forEach((step, index) => {
    for (const exit of stepExits(guide, index)) {
      if (exit.to !== null && !ids.has(exit.to)) {
        issues.push({ path: exit.path, message: `step "${step.id}": ${exit.field} → "${exit.to}" is not a step of this guide` });
      }
    }
  });

  const graphIsUnambiguous = indexById.size === guide.steps.length;
  if (graphIsUnambiguous) {
    const reachable = reachableSteps(guide, indexById);
    issues.push(...unreachableIssues(guide, reachable), ...trapIssues(guide, indexById, reachable));
  }
  return issues.length === 0 ? { ok: true } : { ok: false, issues };
}

interface StepEdge {
  to: number | 'end';
  exit: StepExit;
}

function successors(guide: Guide, index: number, indexById: ReadonlyMap<string, number>): StepEdge[] {
  return stepExits(guide, index).flatMap((exit): StepEdge[] => {
    if (exit.to === null) return [{ to: 'end', exit }];
    const to = indexById.get(exit.to);
    return to === undefined ? [] : [{ to, exit }];
  });
}

function reachableSteps(guide: Guide, indexById: ReadonlyMap<string, number>): Set<number> {
  const seen = new Set<number>(guide.steps.length > 0 ? [0] : []);
  const queue = [...seen];
  for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
    for (const { to } of successors(guide, current, indexById)) {
      if (to !== 'end' && !seen.has(to)) {
        seen.add(to);
        queue.push(to);
      }
    }
  }
  return seen;
}

function unreachableIssues(guide: Guide, reachable: ReadonlySet<number>): ErrorIssue[] {
  const first = guide.steps[0]?.id ?? '';
  return guide.steps.flatMap((step, index) =>
    reachable.has(index)
      ? []
      : [{ path: `steps.${index}.id`, message: `step "${step.id}" is unreachable: no next, answer or onOutOfRange leads to it from the first step "${first}"` }],
  );
}

/**
 * Reachable loops of steps (strongly connected sets) whose every exit stays inside: once entered, the guide never ends.
 * Unreachable ones are already reported as unreachable.
 */
function trapIssues(guide: Guide, indexById: ReadonlyMap<string, number>, reachable: ReadonlySet<number>): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  for (const component of stronglyConnected(guide, indexById)) {
    if (!component.some((index) => reachable.has(index))) continue;
    const members = new Set(component);
    const edges = component.flatMap((from) => successors(guide, from, indexById).map((edge) => ({ from, ...edge })));
    const leaves = edges.some((edge) => edge.to === 'end' || !members.has(edge.to));
    const isLoop = component.length > 1 || edges.some((edge) => edge.to === edge.from);
    if (leaves || !isLoop) continue;
    const closing = edges
      .filter((edge) => edge.to !== 'end' && edge.to <= edge.from)
      .reduce((best, edge) => (edge.from > best.from ? edge : best));
    const from = guide.steps[closing.from];
    const names = [...component].sort((a, b) => a - b).map((index) => `"${guide.steps[index]?.id ?? ''}"`);
    issues.push({
      path: closing.exit.path,
      message: `step "${from?.id ?? ''}": ${closing.exit.field} → "${closing.exit.to ?? ''}" closes a loop of steps ${names.join(', ')} with no way out to the end of the guide`,
    });
  }
  return issues;
}

/** Tarjan's algorithm over the steps, iterative so long guides cannot overflow the stack. */
function stronglyConnected(guide: Guide, indexById: ReadonlyMap<string, number>): number[][] {
  const order = new Map<number, number>();
  const low = new Map<number, number>();
  const onStack = new Set<number>();
  const stack: number[] = [];
  const components: number[][] = [];
  let counter = 0;

  const targets = (index: number) =>
    successors(guide, index, indexById).flatMap(({ to }) => (to === 'end' ? [] : [to]));

  for (let root = 0; root < guide.steps.length; root++) {
    if (order.has(root)) continue;
    const frames: { node: number; pending: number[] }[] = [];
    const enter = (node: number) => {
      order.set(node, counter);
      low.set(node, counter);
      counter++;
      stack.push(node);
      onStack.add(node);
      frames.push({ node, pending: targets(node) });
    };
    enter(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1];
      if (!frame) break;
      const next = frame.pending.shift();
      if (next !== undefined) {
        if (!order.has(next)) enter(next);
        else if (onStack.has(next)) low.set(frame.node, Math.min(low.get(frame.node) ?? 0, order.get(next) ?? 0));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent.node, Math.min(low.get(parent.node) ?? 0, low.get(frame.node) ?? 0));
      if (low.get(frame.node) === order.get(frame.node)) {
        const component: number[] = [];
        for (let member = stack.pop(); member !== undefined; member = stack.pop()) {
          onStack.delete(member);
          component.push(member);
          if (member === frame.node) break;
        }
        components.push(component);
      }
    }
  }
  return components;
}
