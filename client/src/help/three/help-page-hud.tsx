// The help page's part of the headset HUD (loaded only when AR starts without a DOM overlay): live help — Get help,
// the help sheet and the agent's proposal — for a product without a guide step or a unit.
import { useMemo } from 'react';
import type { ProductDetail } from '../../../../core/catalog.ts';
import { useLiveSession } from '../../sessions/session-provider.tsx';
import type { SessionScreen } from '../../sessions/session-screen.ts';
import { LiveHelpHud } from './live-help-hud.tsx';

export default function HelpPageHud({ product, guideId }: { product: ProductDetail; guideId: string | null }) {
  const session = useLiveSession();
  const screen = useMemo<SessionScreen | null>(
    () => (session ? { sessionId: session.sessionId, productId: product.id, assetId: '', guideId, stepId: null, progressSummary: null, inAr: true, goToStep: null } : null),
    [session, product.id, guideId],
  );
  return session && screen ? <LiveHelpHud session={session} screen={screen} product={product} /> : null;
}
