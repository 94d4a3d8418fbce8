// The app's long-lived stores, created once at start-up and shared through React context.
import { createContext, useContext } from 'react';
import type { AuthStore } from './auth-store.ts';
import type { ConnectionStore } from '../realtime/connection-store.ts';
import type { CartStore } from '../orders/cart-store.ts';
import type { OrdersStore } from '../orders/orders-store.ts';

export interface AppStores {
  auth: AuthStore;
  connection: ConnectionStore;
  cart: CartStore;
  orders: OrdersStore;
}

export const AppStoresContext = createContext<AppStores | null>(null);

export function useAppStores(): AppStores {
  const stores = useContext(AppStoresContext);
  if (!stores) throw new Error('useAppStores must be used inside <AppStoresContext.Provider>');
  return stores;
}
