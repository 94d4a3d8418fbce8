// The guide running in a session and its current step, as the agent sees it: read once, then kept live by progress pushes.
import { useEffect, useState } from 'react';
import type { RealtimeClient } from '../realtime/realtime-client.ts';

export interface LiveGuideProgress {
  guideId: string | null;
  stepId: string | null;
}

export function useGuideProgress(client: RealtimeClient, sessionId: string): LiveGuideProgress {
  const [progress, setProgress] = useState<LiveGuideProgress>({ guideId: null, stepId: null });
  useEffect(() => {
    let cancelled = false;
    client.request('guide:get', { sessionId }).then(
      (result) => !cancelled && setProgress({ guideId: result.guide?.id ?? null, stepId: result.progress?.currentStepId ?? null }),
      () => undefined,
    );
    const off = client.on('guide:progress', (event) => {
      if (event.sessionId === sessionId) setProgress({ guideId: event.guideId, stepId: event.progress.currentStepId });
    });
    return () => {
      cancelled = true;
      off();
    };
  }, [client, sessionId]);
  return progress;
}
