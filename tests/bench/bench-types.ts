// What every bench module reports: one measured figure with its unit and, where there is one, its goal.
export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** The goal as a person reads it, e.g. "≤ 0.5"; null when the figure is informational. */
  goal: string | null;
  /** Whether `value` meets a numeric `goal`; null when there is none to check. */
  pass?: boolean | null;
  /** Why the figure could not be measured (then `value` is NaN). */
  error?: string;
}

const GOAL = /^\s*(≤|<=|≥|>=|<|>|=)?\s*(-?\d+(?:\.\d+)?)\s*[×x%]?\s*$/;

/** Checks `value` against a goal such as "≤ 0.5", "< 100" or "0" (a bare number means equal); null when the goal is not numeric. */
export function meetsGoal(value: number, goal: string | null): boolean | null {
  if (goal === null) return null;
  const match = GOAL.exec(goal);
  if (!match) return null;
  if (!Number.isFinite(value)) return false;
  const target = Number(match[2]);
  switch (match[1]) {
    case '≤':
    case '<=':
      return value <= target;
    case '≥':
    case '>=':
      return value >= target;
    case '<':
      return value < target;
    case '>':
      return value > target;
    default:
      return value === target;
  }
}

/** A result with `pass` filled in from its goal. */
export function benchResult(name: string, value: number, unit: string, goal: string | null = null): BenchResult {
  return { name, value, unit, goal, pass: meetsGoal(value, goal) };
}

/** A figure that could not be measured; it fails its goal rather than vanishing from the table. */
export function failedResult(name: string, unit: string, goal: string | null, error: unknown): BenchResult {
  return { name, value: Number.NaN, unit, goal, pass: goal === null ? null : false, error: errorSummary(error) };
}

/** The first line of an error's message, without terminal colour codes. */
export function errorSummary(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  // eslint-disable-next-line no-control-regex
  return (message.replace(/\u001b\[[0-9;]*m/g, '').split('\n')[0] ?? '').trim();
}
