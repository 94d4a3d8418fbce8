// Wires part picking on a product page to the part card: inline beside the viewer, or over the AR view while AR is on.
import { lazy, Suspense, useCallback, useState, type ReactNode } from 'react';
import type { ProductDetail } from '../../../core/catalog.ts';
import { Loading } from '../components/status-views.tsx';

const PartCard = lazy(() => import('./part-card.tsx').then((module) => ({ default: module.PartCard })));

export interface PartCardSlots {
  /** Pass as `onPartSelect` to the viewer, the AR launcher and any part list. */
  selectPart: (partId: string) => void;
  /** Pass as `onActiveChange` to the AR launcher. */
  onArActiveChange: (active: boolean) => void;
  /** Render beside the inline viewer. */
  inlineCard: ReactNode;
  /** Pass inside the AR launcher's `overlay`. */
  arCard: ReactNode;
  /** The part whose card is open (for the headset's part card sheet), and closing it. */
  partId: string | null;
  close: () => void;
}

export function usePartCard(product: ProductDetail): PartCardSlots {
  const [partId, setPartId] = useState<string | null>(null);
  const [inAr, setInAr] = useState(false);
  const close = useCallback(() => setPartId(null), []);
  const card = partId ? (
    <Suspense fallback={<Loading />}>
      <PartCard key={inAr ? 'ar' : 'inline'} product={product} partId={partId} onClose={close} inAr={inAr} />
    </Suspense>
  ) : null;
  return {
    selectPart: setPartId,
    onArActiveChange: setInAr,
    inlineCard: inAr ? null : card,
    arCard: inAr ? card : null,
    partId,
    close,
  };
}
