// Where "Your usual?" goes (catalog, a guide's finished screen): nothing for a signed-out visitor, and the strip's code
// and the orders translations are loaded only for someone signed in.
import { lazy, Suspense } from 'react';
import { loadNamespace } from '../../i18n/i18n.ts';
import { useAppStores } from '../../state/app-stores.ts';
import { useStore } from '../../state/use-store.ts';
import type { UsualStripProps } from './usual-strip.tsx';

const UsualStrip = lazy(() => Promise.all([import('./usual-strip.tsx'), loadNamespace('orders')]).then(([module]) => ({ default: module.UsualStrip })));

export function UsualSlot({ guideId }: UsualStripProps) {
  const { auth } = useAppStores();
  const signedIn = useStore(auth, (state) => state.user !== null);
  if (!signedIn) return null;
  return (
    <Suspense fallback={null}>
      <UsualStrip guideId={guideId} />
    </Suspense>
  );
}
