// The app's long-lived stores, created once at start-up and shared through React context.
import { createContext, useContext } from 'react';
import type { AuthStore } from './auth-store.ts';

export interface AppStores {
  auth: AuthStore;
}

export const AppStoresContext = createContext<AppStores | null>(null);

export function useAppStores(): AppStores {
  const stores = useContext(AppStoresContext);
  if (!stores) throw new Error('useAppStores must be used inside <AppStoresContext.Provider>');
  return stores;
}
