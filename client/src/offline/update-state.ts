// Whether a new version of the app is waiting, and how to switch to it; set by the service worker's registration.
import { createStore } from 'zustand/vanilla';

export interface UpdateState {
  /** Present while a new version is installed and waiting: activates it and reloads the page onto it. */
  apply: (() => void) | null;
}

export const updateState = createStore<UpdateState>(() => ({ apply: null }));
