// Shows its content to signed-in people only; others go to sign-in and come back here afterwards.
import type { ReactNode } from 'react';
import { Redirect, useLocation, useSearch } from 'wouter';
import { useAppStores } from '../state/app-stores.ts';
import { useStore } from '../state/use-store.ts';

export function RequireSignIn({ children }: { children: ReactNode }) {
  const { auth } = useAppStores();
  const user = useStore(auth, (state) => state.user);
  const [location] = useLocation();
  const search = useSearch();
  if (!user) return <Redirect to={`/sign-in?next=${encodeURIComponent(search ? `${location}?${search}` : location)}`} replace />;
  return <>{children}</>;
}
