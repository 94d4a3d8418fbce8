// Mirrors the guide and the alignment into the read-only test hook (a no-op for real users).
import { useEffect } from 'react';
import { publishTestState } from '../test-hook.ts';
import type { AlignmentStore } from '../xr/alignment/alignment-store.ts';
import type { GuideController } from './guide-controller.ts';
import type { GuideProgressStore } from './guide-progress-store.ts';
import { syncStateOf } from './sync-status.tsx';
import { guideView, parseMeasurement, planNext } from './guide-view-model.ts';

export function usePublishGuide(sessionId: string, progress: GuideProgressStore, controller: GuideController, alignment: AlignmentStore): void {
  useEffect(() => {
    const publish = () => {
      const { guide, progress: value, pending, online } = progress.getState();
      const view = guide && value ? guideView(guide, value) : null;
      const current = view && !view.finished ? view.current : null;
      const { draft, spoken, blocked } = controller.ui.getState();
      const plan = guide && value ? planNext(guide, value, draft && current && draft.stepId === current.step.id ? parseMeasurement(draft.text) : null) : null;
      publishTestState('guide', {
        sessionId,
        guideId: guide?.id ?? null,
        stepId: current?.step.id ?? null,
        stepNumber: current ? current.index + 1 : 0,
        stepCount: guide?.steps.length ?? 0,
        finished: view?.finished ?? false,
        blockedReason: current?.blocked ?? null,
        nextEnabled: plan?.ok ?? false,
        refusedNext: blocked,
        draft: draft && current && draft.stepId === current.step.id ? draft.text : null,
        answers: { ...(value?.answers ?? {}) },
        measurements: Object.fromEntries(Object.entries(value?.measurements ?? {}).map(([stepId, recorded]) => [stepId, recorded.value])),
        acknowledgedWarnings: current ? current.acknowledged.flatMap((done, index) => (done ? [index] : [])) : [],
        pending,
        sync: syncStateOf(online, pending),
        lastSpoken: spoken,
      });
    };
    publish();
    const offProgress = progress.subscribe(publish);
    const offUi = controller.ui.subscribe(publish);
    return () => {
      offProgress();
      offUi();
    };
  }, [sessionId, progress, controller]);

  useEffect(() => {
    const publish = () => {
      const state = alignment.getState();
      publishTestState('guide', {
        alignment: {
          phase: state.phase,
          nextLandmarkId: alignment.nextLandmark()?.id ?? null,
          collected: state.points.length,
          total: alignment.landmarks.length,
          rmsError: state.result?.rmsError ?? null,
          transform: state.result ? { position: [...state.result.transform.position], quaternion: [...state.result.transform.quaternion] } : null,
          saved: state.phase === 'saved',
          source: state.source,
        },
      });
    };
    publish();
    return alignment.subscribe(publish);
  }, [alignment]);
}
