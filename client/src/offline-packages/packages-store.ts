// The downloaded products on this device: download (with progress), remove, clear, and refresh the stale ones online.
import { createStore } from 'zustand/vanilla';
import { readPackageContents } from './package-contents.ts';
import { dropUrls, storeUrls, type StoreProgress } from './package-cache.ts';
import { readRecords, writeRecords, type PackageRecord, type PackageRecords } from './package-record.ts';

export interface PackagesState {
  records: PackageRecords;
  /** The product being downloaded and how far it got. */
  active: ({ productId: string } & StoreProgress) | null;
  /** The product whose last download failed. */
  failed: string | null;
}

type RecordStorage = Pick<Storage, 'getItem' | 'setItem'>;

export interface DownloadOptions {
  /** Stored with the product's own URLs and again on every refresh (e.g. the media of the guide version being run). */
  pinned?: readonly string[];
  /** Runs once the package is stored (e.g. keeps the person's assist session for offline use). */
  afterStored?: () => Promise<unknown>;
}

/** URLs kept by any package other than `productId`. */
function keptByOthers(records: PackageRecords, productId: string): Set<string> {
  return new Set(Object.values(records).flatMap((record) => (record.productId === productId ? [] : record.urls)));
}

export function createPackagesStore(storage: RecordStorage = localStorage) {
  const store = createStore<PackagesState>(() => ({ records: readRecords(storage), active: null, failed: null }));
  const save = (records: PackageRecords) => {
    writeRecords(records, storage);
    store.setState({ records });
  };
  let controller: AbortController | null = null;

  async function download(productId: string, { pinned = [], afterStored }: DownloadOptions = {}): Promise<void> {
    if (store.getState().active) return;
    controller = new AbortController();
    store.setState({ active: { productId, done: 0, total: 0, bytes: 0 }, failed: null });
    let attempted: string[] = [];
    try {
      const contents = await readPackageContents(productId);
      const urls = [...new Set([...contents.urls, ...pinned])];
      attempted = urls;
      const bytes = await storeUrls(urls, (progress) => store.setState({ active: { productId, ...progress } }), controller.signal);
      const previous = store.getState().records[productId];
      const record: PackageRecord = { productId, urls, bytes, modelUrl: contents.modelUrl, guides: contents.guides, pinned: [...pinned], savedAt: Date.now() };
      const records = { ...store.getState().records, [productId]: record };
      if (previous) {
        const kept = new Set([...keptByOthers(records, productId), ...urls]);
        await dropUrls(previous.urls.filter((url) => !kept.has(url)));
      }
      save(records);
      await afterStored?.();
      store.setState({ active: null });
    } catch (error) {
      console.warn('download for offline failed', error);
      const kept = new Set(Object.values(store.getState().records).flatMap((record) => record.urls));
      await dropUrls(attempted.filter((url) => !kept.has(url))).catch(() => undefined);
      store.setState({ active: null, failed: productId });
    } finally {
      controller = null;
    }
  }

  async function remove(productId: string): Promise<void> {
    const { records } = store.getState();
    const record = records[productId];
    if (!record) return;
    const { [productId]: _removed, ...rest } = records;
    const kept = keptByOthers(records, productId);
    await dropUrls(record.urls.filter((url) => !kept.has(url)));
    save(rest);
  }

  async function clear(): Promise<void> {
    await dropUrls(Object.values(store.getState().records).flatMap((record) => record.urls));
    save({});
  }

  /** Downloads again every product whose model or a guide's published version changed since it was stored. */
  async function refreshStale(isStale: (record: PackageRecord) => Promise<boolean>): Promise<string[]> {
    const refreshed: string[] = [];
    for (const record of Object.values(store.getState().records)) {
      if (!(await isStale(record))) continue;
      await download(record.productId, { pinned: record.pinned });
      if (store.getState().failed !== record.productId) refreshed.push(record.productId);
    }
    return refreshed;
  }

  return {
    getState: store.getState,
    subscribe: store.subscribe,
    download,
    remove,
    clear,
    refreshStale,
    destroy() {
      controller?.abort();
    },
  };
}

export type PackagesStore = ReturnType<typeof createPackagesStore>;
