// The steps of a guide (id and title), for step pushes on both sides of a help session.
import type { GuideDetailResponse } from '../../../core/guide-version.ts';
import type { GuideStep } from '../../../core/guide.ts';
import { apiFetch } from '../api/http.ts';
import { useResource } from '../components/use-resource.ts';

export function useGuideSteps(guideId: string | null): GuideStep[] {
  const guide = useResource((signal) => (guideId ? apiFetch<GuideDetailResponse>(`/api/guides/${encodeURIComponent(guideId)}`, signal) : Promise.resolve(null)), [guideId]);
  return guide.status === 'ready' && guide.data ? guide.data.guide.steps : [];
}
