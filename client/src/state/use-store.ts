// Binds a vanilla store to React with a selector (useSyncExternalStore).
import { useSyncExternalStore } from 'react';

interface ReadableStore<S> {
  getState(): S;
  subscribe(listener: (state: S) => void): () => void;
}

export function useStore<S, T>(store: ReadableStore<S>, selector: (state: S) => T): T {
  return useSyncExternalStore(
    store.subscribe,
    () => selector(store.getState()),
    () => selector(store.getState()),
  );
}
