// The person's activity over HTTP: one page of their timeline, with their guides in progress.
import { MyActivitySchema, type MyActivity } from '../../../core/activity.ts';
import { apiGet } from '../api/http.ts';

export function fetchMyActivity(before: string | undefined): Promise<MyActivity> {
  return apiGet(`/api/activity${before === undefined ? '' : `?before=${encodeURIComponent(before)}`}`, MyActivitySchema);
}
