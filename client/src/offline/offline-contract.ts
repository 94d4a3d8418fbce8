// What the page and its service worker agree on: the caches' names and the message that activates a waiting version.
export const OFFLINE_CACHES = {
  pages: 'xr-assist-pages',
  code: 'xr-assist-code',
  catalog: 'xr-assist-catalog',
  models: 'xr-assist-models',
  /** What "Download for offline" stored: answered when the network and the cache of the request's kind have nothing. */
  packages: 'xr-assist-packages',
} as const;

export const SKIP_WAITING = 'SKIP_WAITING';

/** The build's list of the code and XR input profiles a downloaded product's guide needs offline (assets/scripts/offline-code.ts). */
export const OFFLINE_CODE_LIST = '/offline-code.json';
