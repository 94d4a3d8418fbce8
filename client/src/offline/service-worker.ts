// Registers the service worker (after the page has loaded), keeps what the page loaded before the worker controlled it,
// and offers a new version when one is waiting. The offline queue is in localStorage, so the reload onto it loses nothing.
import { Workbox } from 'workbox-window';
import { updateState } from './update-state.ts';

const UPDATE_CHECK_MS = 60 * 60 * 1000;
/** After the signal returns: a first look once it has settled, and another in case that one came back empty. */
const SETTLE_MS = [5_000, 20_000];

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

export async function registerServiceWorker(): Promise<void> {
  const workbox = new Workbox('/sw.js');
  const offer = () =>
    updateState.setState({
      apply: () => {
        workbox.addEventListener('controlling', () => window.location.reload());
        workbox.messageSkipWaiting();
      },
    });
  workbox.addEventListener('waiting', offer);
  const registration = await workbox.register();
  // A new version the browser found while this page loaded (before the registration above) is still installing.
  const installing = registration?.installing;
  if (installing && navigator.serviceWorker.controller) {
    installing.addEventListener('statechange', () => {
      if (installing.state === 'installed') offer();
    });
  }
  // Browsers look for a new version rarely on their own: look at start, hourly, and twice after the signal returns
  // (a look made while the connection settles can come back empty).
  const check = () => void workbox.update().catch((error: unknown) => console.warn('looking for a new version failed', error));
  check();
  setInterval(check, UPDATE_CHECK_MS);
  window.addEventListener('online', () => {
    for (const delay of SETTLE_MS) setTimeout(check, delay);
  });
  await workbox.active;
  await workbox.messageSW({ type: 'CACHE_URLS', payload: { urlsToCache: loadedUrls() } });
}
