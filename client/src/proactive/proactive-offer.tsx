// Help offered before the person asks, on the page: on each step the page shows, the offer (step-offer-store.ts) names
// its reasons, shows the tip an agent gave others, asks an agent, can be dismissed, or turned off for good.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../core/languages.ts';
import { helpOf, helpPhase } from '../help/help-store.ts';
import type { LiveSession } from '../sessions/live-session.ts';
import { useLiveSession } from '../sessions/session-provider.tsx';
import { useSessionScreen, type SessionScreen } from '../sessions/session-screen.ts';
import { useStore } from '../state/use-store.ts';
import { useStepOffer } from './step-offer-store.ts';
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
  const mirror = useStore(session.mirror, (state) => state);
  const request = useStore(helpOf(session), (state) => state);
  const phase = helpPhase(mirror, request);
  const { offer, accept, dismiss, turnOff } = useStepOffer(session, info, stepId, language);

  if (!offer || (phase !== 'idle' && phase !== 'ended')) return null;
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
        <button type="button" onClick={dismiss}>
          {t('proactive.dismiss')}
        </button>
        <button type="button" className="link" onClick={turnOff}>
          {t('proactive.turnOff')}
        </button>
      </div>
    </section>
  );
}
