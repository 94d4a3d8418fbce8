// Registers the service worker (after the page has loaded), keeps what the page loaded before the worker controlled it,
// and offers a new version when one is waiting. The offline queue is in localStorage, so the reload onto it loses nothing.
import { Workbox } from 'workbox-window';
import { SKIP_WAITING } from './offline-contract.ts';
import { updateState } from './update-state.ts';

const UPDATE_CHECK_MS = 60 * 60 * 1000;
/** After the signal returns: looks once it has settled, and again while a look fails or finds nothing new. */
const SETTLE_MS = [5_000, 20_000, 60_000];

/** Of what this page fetched, what the worker keeps for offline: code, catalog data, models from our origin. */
function keptUrls(entries: PerformanceEntryList): string[] {
  const urls = entries
    .map((entry) => entry.name)
    .filter((name) => {
      const url = new URL(name);
      return url.origin === window.location.origin && /^\/(static|assets)\/|^\/api\/(products|config)/.test(url.pathname);
    });
  return [...new Set(urls)];
}

function controlled(): Promise<void> {
  return new Promise((resolve) => {
    if (navigator.serviceWorker.controller) resolve();
    else navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true });
  });
}

/**
 * Asks the worker to keep what this page fetched before the worker controlled it: what had loaded by then, and what
 * was still loading (a model on a slow connection) once it has.
 */
async function keepWhatLoadedBefore(workbox: Workbox): Promise<void> {
  await controlled();
  const controlledAt = performance.now();
  const keep = (urls: string[]) => {
    if (urls.length > 0) void workbox.messageSW({ type: 'CACHE_URLS', payload: { urlsToCache: urls } });
  };
  new PerformanceObserver((list) => keep(keptUrls(list.getEntries().filter((entry) => entry.startTime < controlledAt)))).observe({
    type: 'resource',
  });
  keep(keptUrls(performance.getEntriesByType('resource')));
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
  // A first install has just fetched the newest version: a look now would only queue behind it (Chromium holds that
  // look for about a minute while a WebGL page renders), and later looks would wait on it.
  const wasControlled = navigator.serviceWorker.controller !== null;
  const registration = await workbox.register();
  if (registration) watchInstalls(registration);
  if (wasControlled) check();
  setInterval(check, UPDATE_CHECK_MS);
  if (!wasControlled) await keepWhatLoadedBefore(workbox);
}
