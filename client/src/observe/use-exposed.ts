// Exposes a value for as long as the component that holds it is mounted.
import { useEffect } from 'react';
import { expose, type ObservableName, type Observables } from './registry.ts';

export function useExposed<K extends ObservableName>(name: K, value: Observables[K] | null): void {
  useEffect(() => (value === null ? undefined : expose(name, value)), [name, value]);
}
