// The help offer in a headset (immersive, no DOM overlay): a HUD sheet with why it is offered and the tip that helped
// others, and "Get help", "Not now" and "Don't offer again", pressed with the controller's ray or a pinch.
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../../core/languages.ts';
import { helpOf, helpPhase } from '../../help/help-store.ts';
import type { LiveSession } from '../../sessions/live-session.ts';
import type { SessionScreen } from '../../sessions/session-screen.ts';
import { useStore } from '../../state/use-store.ts';
import type { PanelBlock } from '../../three/panel-layout.ts';
import { useHud } from '../../xr/hud/hud-context.ts';
import { HudSheet } from '../../xr/hud/hud-panel.tsx';
import { useStepOffer } from '../step-offer-store.ts';

export const OFFER_SHEET = 'proactive';
export const OFFER_ACCEPT = 'proactive:accept';
export const OFFER_DISMISS = 'proactive:dismiss';
export const OFFER_TURN_OFF = 'proactive:turn-off';

export function OfferSheet({ session, screen }: { session: LiveSession; screen: SessionScreen }) {
  return screen.stepId && screen.guideId ? <StepOfferSheet key={screen.stepId} session={session} screen={screen} stepId={screen.stepId} /> : null;
}

function StepOfferSheet({ session, screen, stepId }: { session: LiveSession; screen: SessionScreen; stepId: string }) {
  const { t, i18n } = useTranslation('assist');
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const { hud } = useHud();
  const sheet = useStore(hud, (state) => state.sheet);
  const mirror = useStore(session.mirror, (state) => state);
  const request = useStore(helpOf(session), (state) => state);
  const phase = helpPhase(mirror, request);
  const { offer, accept, dismiss, turnOff } = useStepOffer(session, screen, stepId, language);
  const showing = offer !== null && (phase === 'idle' || phase === 'ended');

  useEffect(() => {
    if (showing && hud.getState().sheet === null) hud.open(OFFER_SHEET);
    if (!showing) hud.close(OFFER_SHEET);
  }, [hud, showing]);
  useEffect(() => () => hud.close(OFFER_SHEET), [hud]);

  const blocks = useMemo((): PanelBlock[] => {
    if (!offer) return [];
    return [
      { kind: 'title', text: t('proactive.title') },
      ...offer.reasons.map((reason): PanelBlock => ({ kind: 'text', size: 'small', segments: [{ text: t(`proactive.reason.${reason}`), bold: false }] })),
      ...(offer.tip ? [{ kind: 'note', tone: 'info', text: `${t('proactive.tip')} “${offer.tip}”` } as const] : []),
      {
        kind: 'buttons',
        columns: 3,
        height: 84,
        buttons: [
          { id: OFFER_DISMISS, label: t('proactive.hud.dismiss'), enabled: true },
          { id: OFFER_TURN_OFF, label: t('proactive.hud.turnOff'), enabled: true },
          { id: OFFER_ACCEPT, label: t('proactive.hud.accept'), enabled: true, tone: 'primary' },
        ],
      },
    ];
  }, [offer, t]);

  if (!showing || sheet !== OFFER_SHEET) return null;
  const press = (id: string) => {
    if (id === OFFER_ACCEPT) accept();
    else if (id === OFFER_DISMISS) dismiss();
    else if (id === OFFER_TURN_OFF) turnOff();
  };
  return <HudSheet id={OFFER_SHEET} blocks={blocks} onPress={press} />;
}
