// Insights over HTTP: the guides to choose from, the figures of one under the filters, the figures per agent and queue,
// a step's sessions, a table as a CSV file, the xAPI statements as a JSON file.
import { InsightsGuidesSchema, InsightsReportSchema, type InsightsFilter, type InsightsGuide, type InsightsReport } from '../../../core/insights.ts';
import { ServiceFiguresSchema, StepSessionsSchema, type ServiceFigures, type StepSessions } from '../../../core/insights-service-figures.ts';
import { apiGet } from '../api/http.ts';
import { apiBytes } from '../api/http-files.ts';

export type InsightsTable = 'steps' | 'friction' | 'surveys';

function search(filter: object, extra: Record<string, string> = {}): string {
  const entries = Object.entries({ ...filter, ...extra }).flatMap(([key, value]) => (value === undefined || value === '' ? [] : [[key, String(value)]]));
  return new URLSearchParams(entries).toString();
}

export const fetchInsightsGuides = (signal?: AbortSignal): Promise<InsightsGuide[]> => apiGet('/api/insights/guides', InsightsGuidesSchema, signal).then((body) => body.guides);

export const fetchInsights = (filter: InsightsFilter, signal?: AbortSignal): Promise<InsightsReport> => apiGet(`/api/insights?${search(filter)}`, InsightsReportSchema, signal);

/** Help per agent and queue and order origins, under the period, product and language of the filter. */
export function fetchServiceInsights({ from, to, productId, language }: InsightsFilter, signal?: AbortSignal): Promise<ServiceFigures> {
  return apiGet(`/api/insights/service?${search({ from, to, productId, language })}`, ServiceFiguresSchema, signal);
}

export function fetchStepSessions(filter: InsightsFilter, stepId: string, signal?: AbortSignal): Promise<StepSessions> {
  return apiGet(`/api/insights/steps/${encodeURIComponent(stepId)}/sessions?${search(filter)}`, StepSessionsSchema, signal);
}

/** Downloads one table as `insights-<guide>-<table>.csv` through a temporary link. */
export async function downloadInsightsCsv(filter: InsightsFilter, table: InsightsTable): Promise<void> {
  saveFile(await apiBytes(`/api/insights/export?${search(filter, { table })}`), 'text/csv', `insights-${filter.guideId}-${table}.csv`);
}

/** Downloads the guide's xAPI statements in the period as `xapi-<guide>.json`. */
export async function downloadXapi({ guideId, from, to }: InsightsFilter): Promise<void> {
  saveFile(await apiBytes(`/api/insights/xapi?${search({ guideId, from, to })}`), 'application/json', `xapi-${guideId}.json`);
}

function saveFile(bytes: ArrayBuffer, type: string, name: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
