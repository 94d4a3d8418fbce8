// The help page's part of the headset HUD (loaded only when AR starts without a DOM overlay): live help — Get help,
// the help sheet and the agent's proposal — for a product without a guide step or a unit, and the surveys, one at a
// time: about an order placed from the proposal once its sheet is closed, about the help once an agent has helped and
// the help has ended.
import { lazy, Suspense, useMemo } from 'react';
import type { ProductDetail } from '../../../../core/catalog.ts';
import { loadNamespace } from '../../i18n/i18n.ts';
import { useOrderSurveyTarget } from '../../orders/three/order-survey-target.ts';
import type { LiveSession } from '../../sessions/live-session.ts';
import { useLiveSession } from '../../sessions/session-provider.tsx';
import type { SessionScreen } from '../../sessions/session-screen.ts';
import { useHelpSurveyTarget } from './help-survey-target.ts';
import { LiveHelpHud } from './live-help-hud.tsx';

const HudSurveys = lazy(() => Promise.all([import('../../surveys/three/hud-surveys.tsx'), loadNamespace('survey')]).then(([module]) => module));

export default function HelpPageHud({ product, guideId }: { product: ProductDetail; guideId: string | null }) {
  const session = useLiveSession();
  const screen = useMemo<SessionScreen | null>(
    () => (session ? { sessionId: session.sessionId, productId: product.id, assetId: '', guideId, stepId: null, progressSummary: null, inAr: true, goToStep: null } : null),
    [session, product.id, guideId],
  );
  return session && screen ? <HelpPageHudContent session={session} screen={screen} product={product} /> : null;
}

function HelpPageHudContent({ session, screen, product }: { session: LiveSession; screen: SessionScreen; product: ProductDetail }) {
  const helpSurvey = useHelpSurveyTarget(session);
  const order = useOrderSurveyTarget();
  const surveys = useMemo(() => [order.target, helpSurvey], [order.target, helpSurvey]);
  return (
    <>
      <LiveHelpHud session={session} screen={screen} product={product} orders={order} />
      {surveys.some((target) => target !== null) && (
        <Suspense fallback={null}>
          <HudSurveys targets={surveys} />
        </Suspense>
      )}
    </>
  );
}
