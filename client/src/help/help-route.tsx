// The requester's help page, loaded on demand so the catalog and product pages do not ship live help.
import { lazy, Suspense } from 'react';
import { Loading } from '../components/status-views.tsx';

const RequesterHelpPage = lazy(() => import('./help-page.tsx'));

export function HelpPage({ productId }: { productId: string }) {
  return (
    <Suspense fallback={<Loading />}>
      <RequesterHelpPage productId={productId} />
    </Suspense>
  );
}
