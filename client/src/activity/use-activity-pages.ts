// Pages of a timeline read one after another by cursor: the first on mount, the next on "more", kept in order.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActivityItem, ActivityPage } from '../../../core/activity.ts';

export interface ActivityPages<T> {
  status: 'loading' | 'ready' | 'error';
  error: unknown;
  /** Every page read, in order: what they carried besides their items (the guides in progress, friction). */
  loaded: T[];
  items: ActivityItem[];
  next: string | null;
  more: () => void;
}

export function useActivityPages<T extends ActivityPage>(load: (before: string | undefined) => Promise<T>, deps: readonly unknown[]): ActivityPages<T> {
  const [state, setState] = useState<Omit<ActivityPages<T>, 'more'>>({ status: 'loading', error: null, loaded: [], items: [], next: null });
  const loading = useRef(0);
  const fetchPage = useCallback(
    (before: string | undefined) => {
      const attempt = ++loading.current;
      setState((current) => ({ ...current, status: 'loading' }));
      load(before).then(
        (page) => {
          if (attempt !== loading.current) return;
          setState((current) => (before === undefined ? { status: 'ready', error: null, loaded: [page], items: page.items, next: page.next } : { status: 'ready', error: null, loaded: [...current.loaded, page], items: [...current.items, ...page.items], next: page.next }));
        },
        (error: unknown) => {
          if (attempt === loading.current) setState((current) => ({ ...current, status: 'error', error }));
        },
      );
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    deps,
  );
  useEffect(() => {
    setState({ status: 'loading', error: null, loaded: [], items: [], next: null });
    fetchPage(undefined);
  }, [fetchPage]);
  const more = useCallback(() => fetchPage(state.items.length === 0 ? undefined : (state.next ?? undefined)), [fetchPage, state.items.length, state.next]);
  return { ...state, more };
}
