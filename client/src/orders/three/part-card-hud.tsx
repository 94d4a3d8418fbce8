// The product page's part of the headset HUD (loaded only when AR starts without a DOM overlay): the card of the part
// tapped in AR, as a sheet.
import { useEffect } from 'react';
import type { ProductDetail } from '../../../../core/catalog.ts';
import { useHud } from '../../xr/hud/hud-context.ts';
import { useStore } from '../../state/use-store.ts';
import { PartCardSheet } from './part-card-sheet.tsx';

export default function PartCardHud({ product, partId, onClose }: { product: ProductDetail; partId: string | null; onClose: () => void }) {
  const { hud } = useHud();
  const sheet = useStore(hud, (state) => state.sheet);
  useEffect(() => {
    if (partId) hud.open('part');
  }, [hud, partId]);
  if (sheet !== 'part' || !partId) return null;
  return (
    <PartCardSheet
      product={product}
      partId={partId}
      onClose={() => {
        hud.close('part');
        onClose();
      }}
    />
  );
}
