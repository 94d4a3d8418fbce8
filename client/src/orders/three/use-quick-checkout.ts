// A one-press checkout for as long as the calling sheet shows it, on the app's connection and orders.
import { useEffect, useMemo } from 'react';
import { useAppStores } from '../../state/app-stores.ts';
import { createQuickCheckout } from '../quick-checkout-store.ts';
import { useShopStores } from '../shop-stores.ts';

export function useQuickCheckout(keyScope: string, options: { sessionId?: string; fromCart?: boolean } = {}) {
  const { connection } = useAppStores();
  const { orders } = useShopStores();
  const { sessionId, fromCart } = options;
  const checkout = useMemo(
    () => createQuickCheckout({ client: () => connection.getState().client, orders, keyScope, ...(sessionId ? { sessionId } : {}), ...(fromCart ? { fromCart } : {}) }),
    [connection, orders, keyScope, sessionId, fromCart],
  );
  useEffect(() => () => checkout.destroy(), [checkout]);
  return checkout;
}
