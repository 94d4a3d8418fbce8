// The context a help request carries: the product and language, plus what the host page knows (guide, step, unit).
import type { HelpContext } from '../../../core/help.ts';
import type { Language } from '../../../core/languages.ts';

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
