// The read-only window of app state that automated browser tests read (`window.__xrAssist`), built on each read from
// what the app exposes (observe/registry.ts): its stores, the page's live session and the scenes of its canvases.
// Loaded only in a browser driven by automation (test-hook.ts); tests never change the app through it.
import type { TestState } from './test-state-shape.ts';
import { readAr, readViewer } from './read-views.ts';
import { readGuide } from './read-guide.ts';
import { readAssist } from './read-assist.ts';
import { readOrders } from './read-orders.ts';
import { readStudio } from './read-studio.ts';

Object.defineProperty(window, '__xrAssist', {
  configurable: false,
  get: (): TestState => ({ ar: readAr(), viewer: readViewer(), orders: readOrders(), guide: readGuide(), assist: readAssist(), studio: readStudio() }),
});
