// What the app lets tools look at, as zustand's devtools do: the stores, sessions and 3D views alive now, by name.
// Exposing something changes nothing in the app; a tool (the automated-test window) reads them. Each room names what it
// exposes by adding it to Observables, so this room imports none of them.

/** Exposed things by name; each room adds its own (`declare module '…/observe/registry.ts'`). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface Observables {}

export type ObservableName = keyof Observables;

const live = new Map<ObservableName, unknown[]>();

/** Shows `value` under `name` until the returned function is called. */
export function expose<K extends ObservableName>(name: K, value: Observables[K]): () => void {
  live.set(name, [...(live.get(name) ?? []), value]);
  return () => {
    live.set(name, (live.get(name) ?? []).filter((candidate) => candidate !== value));
  };
}

/** Everything exposed under `name` now, oldest first. */
export function observed<K extends ObservableName>(name: K): ReadonlyArray<Observables[K]> {
  return (live.get(name) ?? []) as Array<Observables[K]>;
}

