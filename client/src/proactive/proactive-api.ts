// Proactive help over HTTP: claim the offer for the step the person is on (made once per session and step), and turn
// offers off for the person.
import { ProactiveOfferResponseSchema, type ProactiveOffer } from '../../../core/proactive.ts';
import { apiRequest } from '../api/http.ts';

export async function claimOffer(sessionId: string, stepId: string): Promise<ProactiveOffer | null> {
  return ProactiveOfferResponseSchema.parse(await apiRequest('/api/proactive/offers', { method: 'POST', body: { sessionId, stepId } })).offer;
}

export async function turnOffersOff(): Promise<void> {
  await apiRequest('/api/proactive/preference', { method: 'PUT', body: { offers: false } });
}
