// Seeded guide runs: the entered/left step events of a run's visits ([step, seconds, or null while on it now]) and the
// time the run reached, for the server tests that seed Insights, proactive help and the activity timeline.
export interface StepVisitEvent {
  step: string;
  kind: 'entered' | 'left';
  at: number;
}

export function stepVisits(start: number, visits: ReadonlyArray<readonly [string, number | null]>): { events: StepVisitEvent[]; end: number } {
  let at = start;
  const events: StepVisitEvent[] = [];
  for (const [step, seconds] of visits) {
    events.push({ step, kind: 'entered', at });
    if (seconds === null) continue;
    at += seconds * 1000;
    events.push({ step, kind: 'left', at });
  }
  return { events, end: at };
}
