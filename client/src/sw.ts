// The service worker: the app opens without a connection. The page itself is precached (and revalidated online); code,
// catalog data and models are kept as they are first used, so what a person has opened once opens again offline.
/// <reference lib="webworker" />
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, Route, Router } from 'workbox-routing';
import { clientsClaim, type RouteMatchCallback, type WorkboxPlugin } from 'workbox-core';
import { CacheFirst, NetworkFirst } from 'workbox-strategies';
import { ExpirationPlugin } from 'workbox-expiration';
import { OFFLINE_CACHES, SKIP_WAITING } from './offline/offline-contract.ts';

declare const self: ServiceWorkerGlobalScope;

/** Same-origin GETs under a path. */
const under = (prefix: string): RouteMatchCallback => ({ url, request }) => request.method === 'GET' && url.origin === self.location.origin && url.pathname.startsWith(prefix);

/**
 * Keeps a cache to its newest entries. Not purged on a quota error: that would empty the whole cache (every model kept
 * for offline) when any write anywhere hits the quota. (The plugin's declared optional members do not satisfy
 * exactOptionalPropertyTypes.)
 */
const newest = (maxEntries: number) => new ExpirationPlugin({ maxEntries }) as WorkboxPlugin;

/** When the network and the route's own cache fail: what a downloaded product stored (never expired by the plugin). */
const downloaded: WorkboxPlugin = {
  handlerDidError: async ({ request }) => (await (await caches.open(OFFLINE_CACHES.packages)).match(request, { ignoreVary: true })) ?? undefined,
};

precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
// The first install takes the open page at once; a later version waits until the person chooses to reload onto it.
clientsClaim();

const router = new Router();
router.addFetchListener();
// The page asks to keep what it loaded before this worker controlled it (its first visit).
router.addCacheListener();

const pages = new NetworkFirst({ cacheName: OFFLINE_CACHES.pages, networkTimeoutSeconds: 4 });
router.registerRoute(
  new NavigationRoute(
    async (options) => (await pages.handle(options).catch(() => undefined)) ?? (await matchPrecache('/index.html')) ?? Response.error(),
    { denylist: [/^\/api\//, /^\/assets\//, /^\/socket\.io/, /^\/metrics/] },
  ),
);

// Content-hashed code and styles never change under one name.
router.registerRoute(new Route(under('/static/'), new CacheFirst({ cacheName: OFFLINE_CACHES.code, plugins: [newest(400), downloaded] })));

// The public catalog (products, their parts, guides) and the client's settings: fresh when online, kept for offline.
const catalog = new NetworkFirst({ cacheName: OFFLINE_CACHES.catalog, networkTimeoutSeconds: 4, plugins: [downloaded] });
router.registerRoute(new Route(under('/api/products'), catalog));
// Published guides only: an author's or agent's list of drafts is not kept.
const publishedGuides: RouteMatchCallback = (options) => under('/api/guides')(options) && options.url.searchParams.get('status') !== 'draft';
router.registerRoute(new Route(publishedGuides, catalog));
router.registerRoute(new Route(under('/api/config'), catalog));

// Models, thumbnails, step media and the XR input profiles: revalidated online, kept for offline.
router.registerRoute(new Route(under('/assets/'), new NetworkFirst({ cacheName: OFFLINE_CACHES.models, networkTimeoutSeconds: 6, plugins: [newest(60), downloaded] })));

self.addEventListener('message', (event) => {
  if ((event.data as { type?: unknown } | null)?.type === SKIP_WAITING) void self.skipWaiting();
});
