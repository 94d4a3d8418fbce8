// Registers the service worker (after the page has loaded), keeps what the page loaded before the worker controlled it,
// and offers a new version when one is waiting. The offline queue is in localStorage, so the reload onto it loses nothing.
import { Workbox } from 'workbox-window';
import { SKIP_WAITING } from './offline-contract.ts';
import { updateState } from './update-state.ts';

const UPDATE_CHECK_MS = 60 * 60 * 1000;
/** After the signal returns: looks once it has settled, and again while a look fails or finds nothing new. */
const SETTLE_MS = [5_000, 20_000, 60_000];

/** What this page has already fetched from our origin: code, catalog data, models. */
function loadedUrls(): string[] {
  const urls = performance
    .getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => {
      const url = new URL(name);
      return url.origin === window.location.origin && /^\/(static|assets)\/|^\/api\/(products|config)/.test(url.pathname);
    });
  return [...new Set(urls)];
}

/** Offers the version waiting in this registration, if any: the page is already controlled, so it is an update. */
function offerWaiting(registration: ServiceWorkerRegistration): void {
  const waiting = registration.waiting;
  if (!waiting || !navigator.serviceWorker.controller || updateState.getState().apply) return;
  updateState.setState({
    apply: () => {
      navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), { once: true });
      waiting.postMessage({ type: SKIP_WAITING });
    },
  });
}

/** Watches every version the browser installs in this registration, whoever started the look. */
function watchInstalls(registration: ServiceWorkerRegistration): void {
  registration.addEventListener('updatefound', () => {
    const installing = registration.installing;
    installing?.addEventListener('statechange', () => {
      if (installing.state === 'installed') offerWaiting(registration);
    });
  });
  const installing = registration.installing;
  installing?.addEventListener('statechange', () => {
    if (installing.state === 'installed') offerWaiting(registration);
  });
  offerWaiting(registration);
}

export async function registerServiceWorker(): Promise<void> {
  const workbox = new Workbox('/sw.js');
  // Browsers look for a new version rarely on their own: look at start, hourly, and a few times after the signal returns
  // (a look made while the connection settles can fail or come back empty).
  // Not while the browser says it is offline: that look would be lost (the online listener looks again).
  const check = () => {
    if (navigator.onLine) void workbox.update().catch((error: unknown) => console.warn('looking for a new version failed', error));
  };
  window.addEventListener('online', () => {
    for (const delay of SETTLE_MS) setTimeout(check, delay);
  });
  const registration = await workbox.register();
  if (registration) watchInstalls(registration);
  check();
  setInterval(check, UPDATE_CHECK_MS);
  await workbox.active;
  await workbox.messageSW({ type: 'CACHE_URLS', payload: { urlsToCache: loadedUrls() } });
}
