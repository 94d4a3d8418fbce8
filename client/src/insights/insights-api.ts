// Insights over HTTP: the guides to choose from, the figures of one under the filters, a table as a CSV file.
import { InsightsGuidesSchema, InsightsReportSchema, type InsightsFilter, type InsightsGuide, type InsightsReport } from '../../../core/insights.ts';
import { apiGet } from '../api/http.ts';
import { apiBytes } from '../api/http-files.ts';

export type InsightsTable = 'steps' | 'friction' | 'surveys';

function search(filter: InsightsFilter, extra: Record<string, string> = {}): string {
  const entries = Object.entries({ ...filter, ...extra }).flatMap(([key, value]) => (value === undefined || value === '' ? [] : [[key, String(value)]]));
  return new URLSearchParams(entries).toString();
}

export const fetchInsightsGuides = (signal?: AbortSignal): Promise<InsightsGuide[]> => apiGet('/api/insights/guides', InsightsGuidesSchema, signal).then((body) => body.guides);

export const fetchInsights = (filter: InsightsFilter, signal?: AbortSignal): Promise<InsightsReport> => apiGet(`/api/insights?${search(filter)}`, InsightsReportSchema, signal);

/** Downloads one table as `insights-<guide>-<table>.csv` through a temporary link. */
export async function downloadInsightsCsv(filter: InsightsFilter, table: InsightsTable): Promise<void> {
  const bytes = await apiBytes(`/api/insights/export?${search(filter, { table })}`);
  const url = URL.createObjectURL(new Blob([bytes], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `insights-${filter.guideId}-${table}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
