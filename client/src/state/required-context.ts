// A React context that must be provided: its hook throws a clear error when a component is used outside the provider.
import { createContext, useContext, type Context } from 'react';

export function requiredContext<T>(name: string): [Context<T | null>, () => T] {
  const context = createContext<T | null>(null);
  const useValue = () => {
    const value = useContext(context);
    if (value === null) throw new Error(`${name} must be provided (<${name}.Provider>)`);
    return value;
  };
  return [context, useValue];
}
