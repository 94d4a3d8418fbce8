// The app's long-lived stores every room may use (who is signed in, the realtime connection), created once at
// start-up in main.tsx and shared through React context.
import { createContext, useContext } from 'react';
import type { AuthStore } from './auth-store.ts';
import type { ConnectionStore } from '../realtime/connection-store.ts';

export interface AppStores {
  auth: AuthStore;
  connection: ConnectionStore;
}

export const AppStoresContext = createContext<AppStores | null>(null);

export function useAppStores(): AppStores {
  const stores = useContext(AppStoresContext);
  if (!stores) throw new Error('useAppStores must be used inside <AppStoresContext.Provider>');
  return stores;
}
