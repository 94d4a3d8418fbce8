// Client entry: translations, long-lived stores, then the app.
import './zod-without-eval.ts';
import { createRoot } from 'react-dom/client';
import { setupI18n } from './i18n/i18n.ts';
import { loadTestHook } from './test-hook.ts';
import { createAuthStore } from './state/auth-store.ts';
import { createConnectionStore } from './realtime/connection-store.ts';
import { createCartStore } from './orders/cart-store.ts';
import { createOrdersStore } from './orders/orders-store.ts';
import { AppStoresContext, type AppStores } from './state/app-stores.ts';
import { App } from './app.tsx';
import './styles/app.css';

await Promise.all([setupI18n(), loadTestHook()]);
const auth = createAuthStore();
const connection = createConnectionStore(auth);
const stores: AppStores = { auth, connection, cart: createCartStore(auth, connection), orders: createOrdersStore(auth, connection) };
const root = document.getElementById('root');
if (!root) throw new Error('missing #root');
createRoot(root).render(
  <AppStoresContext.Provider value={stores}>
    <App />
  </AppStoresContext.Provider>,
);
