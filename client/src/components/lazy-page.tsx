// A page loaded on demand, with a loading state meanwhile, so the catalog and product pages a visitor sees first stay small.
import { lazy, Suspense, type ComponentType } from 'react';
import { Loading } from './status-views.tsx';

export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Page = lazy(async () => ({ default: await load() }));
  return function LazyPage(props: P) {
    return (
      <Suspense fallback={<Loading />}>
        <Page {...props} />
      </Suspense>
    );
  };
}
