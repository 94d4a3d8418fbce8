// Client entry: translations, the long-lived stores (composed here, the one place that knows them all), then the app.
import './zod-without-eval.ts';
import { createRoot } from 'react-dom/client';
import { setupI18n } from './i18n/i18n.ts';
import { loadTestHook } from './test-hook.ts';
import { createAuthStore } from './state/auth-store.ts';
import { createConnectionStore } from './realtime/connection-store.ts';
import { createCartStore, type CartStore } from './orders/cart-store.ts';
import { createOrdersStore, type OrdersStore } from './orders/orders-store.ts';
import { expose } from './observe/registry.ts';
import { AppStoresContext, type AppStores } from './state/app-stores.ts';
import { ShopStoresContext, type ShopStores } from './orders/shop-stores.ts';
import { App } from './app.tsx';
import { PACKAGES_KEY } from './offline-packages/packages-key.ts';
import { firstFrameShown, opensOnFirstFrame } from './three/first-frame.ts';
import './styles/app.css';

declare module './observe/registry.ts' {
  interface Observables {
    cart: CartStore;
    orders: OrdersStore;
  }
}

function start(): void {
  const auth = createAuthStore();
  const connection = createConnectionStore(auth);
  const app: AppStores = { auth, connection };
  const shop: ShopStores = { cart: createCartStore(auth, connection), orders: createOrdersStore(auth, connection) };
  expose('cart', shop.cart);
  expose('orders', shop.orders);
  const root = document.getElementById('root');
  if (!root) throw new Error('missing #root');
  createRoot(root).render(
    <AppStoresContext.Provider value={app}>
      <ShopStoresContext.Provider value={shop}>
        <App />
      </ShopStoresContext.Provider>
    </AppStoresContext.Provider>,
  );
}

/** Downloaded products whose model or guides changed are stored again, when the app starts online. */
async function refreshDownloads(): Promise<void> {
  if (!navigator.onLine || localStorage.getItem(PACKAGES_KEY) === null) return;
  await (await import('./offline-packages/stale-packages.ts')).refreshStalePackages();
}

/** Longest wait for a product's first 3D frame before the service worker registers anyway (a model that fails to load). */
const FIRST_FRAME_WAIT_MS = 15_000;

/**
 * The service worker once the page has loaded and, on a product page, once its first 3D frame is drawn, so that it
 * never competes with the first frame for the network.
 */
function registerOfflineSupport(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const register = () =>
    void import('./offline/service-worker.ts')
      .then((module) => module.registerServiceWorker())
      .then(refreshDownloads)
      .catch((error: unknown) => console.warn('offline support unavailable', error));
  const afterFirstFrame = () => {
    if (!opensOnFirstFrame(location.pathname)) return register();
    void Promise.race([firstFrameShown, new Promise((resolve) => setTimeout(resolve, FIRST_FRAME_WAIT_MS))]).then(register);
  };
  if (document.readyState === 'complete') afterFirstFrame();
  else window.addEventListener('load', afterFirstFrame, { once: true });
}

registerOfflineSupport();
// Not a top-level await: the test hook's chunk imports this one's shared code, which must finish evaluating first.
void Promise.all([setupI18n(), loadTestHook()]).then(start);
