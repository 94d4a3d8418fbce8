// The context a help request carries: the product and language, plus what the host page knows (guide, step, unit, progress).
import type { HelpContext } from '../../../core/help.ts';
import type { Language } from '../../../core/languages.ts';
import type { SessionScreen } from '../sessions/session-screen.ts';

export type HostHelpContext = Partial<Omit<HelpContext, 'productId' | 'language'>>;

export function helpRequestContext(productId: string, language: Language, host: HostHelpContext): HelpContext {
  return {
    productId,
    language,
    ...(host.guideId ? { guideId: host.guideId } : {}),
    ...(host.stepId ? { stepId: host.stepId } : {}),
    ...(host.installedAssetId ? { installedAssetId: host.installedAssetId } : {}),
    ...(host.progressSummary ? { progressSummary: host.progressSummary } : {}),
    ...(host.offeredFor ? { offeredFor: host.offeredFor } : {}),
  };
}

/** What a page showing a session knows for a help request: its guide, step, unit and progress. */
export function screenHelpContext(screen: Pick<SessionScreen, 'guideId' | 'stepId' | 'assetId' | 'progressSummary'>): HostHelpContext {
  return {
    ...(screen.guideId ? { guideId: screen.guideId } : {}),
    ...(screen.stepId ? { stepId: screen.stepId } : {}),
    installedAssetId: screen.assetId,
    ...(screen.progressSummary ? { progressSummary: screen.progressSummary } : {}),
  };
}
