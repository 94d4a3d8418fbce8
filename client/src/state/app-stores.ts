// The app's long-lived stores every room may use (who is signed in, the realtime connection), created once at
// start-up in main.tsx and shared through React context.
import type { AuthStore } from './auth-store.ts';
import type { ConnectionStore } from '../realtime/connection-store.ts';
import { requiredContext } from './required-context.ts';

export interface AppStores {
  auth: AuthStore;
  connection: ConnectionStore;
}

export const [AppStoresContext, useAppStores] = requiredContext<AppStores>('AppStoresContext');
