// The Insights tables as CSV (RFC 4180, CRLF, a header row), in the reader's language for step titles.
import type { InsightsReport } from '../../core/insights.ts';
import type { Language } from '../../core/languages.ts';

type Cell = string | number | null;

function cell(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  const guarded = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replaceAll('"', '""')}"` : guarded;
}

const toCsv = (rows: Cell[][]) => `${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;

export function insightsCsv(report: InsightsReport, table: 'steps' | 'friction' | 'surveys', language: Language): string {
  const titleOf = (stepId: string) => report.steps.find((step) => step.stepId === stepId)?.title[language] ?? stepId;
  if (table === 'surveys') {
    const { csat, ces, nps, weeks } = report.surveys;
    const header: Cell[] = ['week_start', 'csat_pct_4_5', 'csat_count', 'ces_mean', 'ces_count', 'nps', 'nps_count'];
    const total: Cell[] = ['all', csat.value, csat.count, ces.value, ces.count, nps.value, nps.count];
    const rows = weeks.map((week): Cell[] => [new Date(week.weekStart).toISOString().slice(0, 10), week.csat.value, week.csat.count, week.ces.value, week.ces.count, week.nps.value, week.nps.count]);
    return toCsv([header, total, ...rows]);
  }
  if (table === 'friction') {
    const rows = report.friction.map((stepId, index): Cell[] => [index + 1, stepId, titleOf(stepId), report.steps.find((step) => step.stepId === stepId)?.friction ?? 0]);
    return toCsv([['rank', 'step_id', 'title', 'friction'], ...rows]);
  }
  const header: Cell[] = ['position', 'step_id', 'title', 'sessions', 'visits', 'median_ms', 'p90_ms', 'abandoned', 'out_of_range', 'help_requests', 'back_steps', 'friction'];
  const rows = report.steps.map((step): Cell[] => [step.position, step.stepId, step.title[language], step.sessions, step.visits, step.medianMs, step.p90Ms, step.abandoned, step.outOfRange, step.helpRequests, step.backSteps, step.friction]);
  return toCsv([header, ...rows]);
}
