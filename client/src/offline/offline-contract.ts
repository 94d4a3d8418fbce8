// What the page and its service worker agree on: the caches' names and the message that activates a waiting version.
export const OFFLINE_CACHES = {
  pages: 'xr-assist-pages',
  code: 'xr-assist-code',
  catalog: 'xr-assist-catalog',
  models: 'xr-assist-models',
} as const;

export const SKIP_WAITING = 'SKIP_WAITING';
