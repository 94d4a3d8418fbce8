// Help offered before the person asks: on each step the page shows, the server is asked once whether to offer help
// (why, and the tip an agent gave others); the offer names its reasons, shows the tip, asks an agent with the reasons
// in the request's context, can be dismissed, or turned off for good.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../core/languages.ts';
import type { ProactiveOffer } from '../../../core/proactive.ts';
import { helpOf, helpPhase } from '../help/help-store.ts';
import { helpRequestContext } from '../help/help-request-context.ts';
import type { LiveSession } from '../sessions/live-session.ts';
import { useLiveSession } from '../sessions/session-provider.tsx';
import { useSessionScreen, type SessionScreen } from '../sessions/session-screen.ts';
import { useStore } from '../state/use-store.ts';
import { claimOffer, turnOffersOff } from './proactive-api.ts';
import './proactive.css';

export function ProactiveOfferSlot() {
  const session = useLiveSession();
  const info = useSessionScreen();
  return session && info?.stepId && info.guideId ? <StepOffer key={info.stepId} session={session} info={info} stepId={info.stepId} /> : null;
}

function StepOffer({ session, info, stepId }: { session: LiveSession; info: SessionScreen; stepId: string }) {
  const { t, i18n } = useTranslation('assist');
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const headingId = useId();
  const help = helpOf(session);
  const mirror = useStore(session.mirror, (state) => state);
  const request = useStore(help, (state) => state);
  const phase = helpPhase(mirror, request);
  const [offer, setOffer] = useState<ProactiveOffer | null>(null);

  useEffect(() => {
    let live = true;
    claimOffer(info.sessionId, stepId).then(
      (found) => live && setOffer(found),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [info.sessionId, stepId]);

  if (!offer || (phase !== 'idle' && phase !== 'ended')) return null;
  const accept = () => {
    const context = { ...(info.guideId ? { guideId: info.guideId } : {}), stepId, installedAssetId: info.assetId, offeredFor: offer.reasons };
    setOffer(null);
    void help.request(helpRequestContext(info.productId, language, context));
  };
  const turnOff = () => {
    setOffer(null);
    void turnOffersOff();
  };
  return (
    <section className="proactive-offer" aria-labelledby={headingId} role="region" data-testid="proactive-offer">
      <h3 id={headingId}>{t('proactive.title')}</h3>
      <ul>
        {offer.reasons.map((reason) => (
          <li key={reason}>{t(`proactive.reason.${reason}`)}</li>
        ))}
      </ul>
      {offer.tip && (
        <p>
          <strong>{t('proactive.tip')}</strong> <q>{offer.tip}</q>
        </p>
      )}
      <div className="proactive-actions">
        <button type="button" className="primary" onClick={accept} data-testid="proactive-accept">
          {t('proactive.accept')}
        </button>
        <button type="button" onClick={() => setOffer(null)}>
          {t('proactive.dismiss')}
        </button>
        <button type="button" className="link" onClick={turnOff}>
          {t('proactive.turnOff')}
        </button>
      </div>
    </section>
  );
}
