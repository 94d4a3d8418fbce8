// Guide and step titles by id, for the queue and the requester's history (each guide fetched once; the id while loading
// or when the guide is gone).
import { useCallback, useEffect, useState } from 'react';
import type { Guide } from '../../../core/guide.ts';
import type { GuideDetailResponse } from '../../../core/guide-version.ts';
import type { Language } from '../../../core/languages.ts';
import { apiFetch } from '../api/http.ts';

const loaded = new Map<string, Guide | null>();
const loading = new Map<string, Promise<void>>();

function load(guideId: string): Promise<void> {
  let pending = loading.get(guideId);
  if (!pending) {
    pending = apiFetch<GuideDetailResponse>(`/api/guides/${encodeURIComponent(guideId)}`).then(
      ({ guide }) => void loaded.set(guideId, guide),
      () => void loaded.set(guideId, null),
    );
    loading.set(guideId, pending);
  }
  return pending;
}

export interface GuideNames {
  guideTitle: (guideId: string) => string;
  stepTitle: (guideId: string | undefined, stepId: string) => string;
}

export function useGuideNames(language: Language, guideIds: readonly (string | null | undefined)[]): GuideNames {
  const [, setLoadedCount] = useState(loaded.size);
  const key = [...new Set(guideIds.filter((id): id is string => Boolean(id)))].sort().join(' ');
  useEffect(() => {
    let live = true;
    const missing = key.split(' ').filter((id) => id && !loaded.has(id));
    void Promise.all(missing.map(load)).then(() => live && setLoadedCount(loaded.size));
    return () => {
      live = false;
    };
  }, [key]);
  const guideTitle = useCallback((guideId: string) => loaded.get(guideId)?.title[language] ?? guideId, [language]);
  const stepTitle = useCallback(
    (guideId: string | undefined, stepId: string) => (guideId ? loaded.get(guideId)?.steps.find((step) => step.id === stepId)?.title[language] : undefined) ?? stepId,
    [language],
  );
  return { guideTitle, stepTitle };
}
