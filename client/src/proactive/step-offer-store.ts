// The help offer of the step the person is on, shared by the page's card and the headset's sheet: claimed from the
// server once per session and step (the server makes it once), then accepted (asks an agent, with the reasons in the
// request's context), dismissed, or turned off for good.
import { useEffect } from 'react';
import { createStore } from 'zustand/vanilla';
import type { Language } from '../../../core/languages.ts';
import type { ProactiveOffer } from '../../../core/proactive.ts';
import { helpOf } from '../help/help-store.ts';
import { helpRequestContext } from '../help/help-request-context.ts';
import type { LiveSession } from '../sessions/live-session.ts';
import type { SessionScreen } from '../sessions/session-screen.ts';
import { useStore } from '../state/use-store.ts';
import { claimOffer, turnOffersOff } from './proactive-api.ts';

interface StepOfferState {
  /** `sessionId:stepId` the offer was claimed for. */
  key: string | null;
  offer: ProactiveOffer | null;
}

const store = createStore<StepOfferState>(() => ({ key: null, offer: null }));

function load(sessionId: string, stepId: string): void {
  const key = `${sessionId}:${stepId}`;
  if (store.getState().key === key) return;
  store.setState({ key, offer: null });
  claimOffer(sessionId, stepId).then(
    (offer) => {
      if (store.getState().key === key) store.setState({ offer });
    },
    () => undefined,
  );
}

export interface StepOfferActions {
  accept(): void;
  dismiss(): void;
  turnOff(): void;
}

/** The offer for `stepId` (claimed once however many views show it) and what can be done with it. */
export function useStepOffer(session: LiveSession, info: SessionScreen, stepId: string, language: Language): { offer: ProactiveOffer | null } & StepOfferActions {
  useEffect(() => load(info.sessionId, stepId), [info.sessionId, stepId]);
  const key = `${info.sessionId}:${stepId}`;
  const offer = useStore(store, (state) => (state.key === key ? state.offer : null));
  const clear = () => store.setState({ offer: null });
  return {
    offer,
    accept() {
      if (!offer) return;
      const context = { ...(info.guideId ? { guideId: info.guideId } : {}), stepId, installedAssetId: info.assetId, offeredFor: offer.reasons };
      clear();
      void helpOf(session).request(helpRequestContext(info.productId, language, context));
    },
    dismiss: clear,
    turnOff() {
      clear();
      void turnOffersOff();
    },
  };
}
