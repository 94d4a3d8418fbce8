// The product page's part of the headset HUD (loaded only when AR starts without a DOM overlay): the card of the part
// tapped in AR, as a sheet, and once an order placed from it is confirmed and closed, the survey about that order.
import { lazy, Suspense, useEffect, useMemo } from 'react';
import type { ProductDetail } from '../../../../core/catalog.ts';
import { loadNamespace } from '../../i18n/i18n.ts';
import { useHud } from '../../xr/hud/hud-context.ts';
import { useStore } from '../../state/use-store.ts';
import { useOrderSurveyTarget } from './order-survey-target.ts';
import { PartCardSheet } from './part-card-sheet.tsx';

const HudSurveys = lazy(() => Promise.all([import('../../surveys/three/hud-surveys.tsx'), loadNamespace('survey')]).then(([module]) => module));

export default function PartCardHud({ product, partId, onClose }: { product: ProductDetail; partId: string | null; onClose: () => void }) {
  const { hud } = useHud();
  const sheet = useStore(hud, (state) => state.sheet);
  const order = useOrderSurveyTarget();
  const surveys = useMemo(() => [order.target], [order.target]);
  useEffect(() => {
    if (partId) hud.open('part');
  }, [hud, partId]);
  return (
    <>
      {sheet === 'part' && partId && (
        <PartCardSheet
          product={product}
          partId={partId}
          onOrdered={order.onOrdered}
          onClose={() => {
            hud.close('part');
            order.onSheetClosed();
            onClose();
          }}
        />
      )}
      {order.target && (
        <Suspense fallback={null}>
          <HudSurveys targets={surveys} />
        </Suspense>
      )}
    </>
  );
}
