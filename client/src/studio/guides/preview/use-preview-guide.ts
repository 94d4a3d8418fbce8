// One previewed guide's progress (kept on the page) and the technician's controller over it, torn down together.
import { useEffect, useMemo } from 'react';
import type { Guide } from '../../../../../core/guide.ts';
import { createGuideController } from '../../../guides/guide-controller.ts';
import { createPreviewProgressStore } from '../../../guides/preview-progress-store.ts';

export function usePreviewGuide(guide: Guide, stepId: string | null) {
  const progress = useMemo(() => createPreviewProgressStore(guide, stepId), [guide, stepId]);
  const controller = useMemo(() => createGuideController(progress), [progress]);
  useEffect(() => () => controller.destroy(), [controller]);
  return { progress, controller };
}
