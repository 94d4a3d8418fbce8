// The assist page, loaded on demand so the catalog and product pages do not ship the guide runner.
import { lazy, Suspense } from 'react';
import { Loading } from '../components/status-views.tsx';

const AssistPage = lazy(() => import('./assist-page.tsx'));

export function AssistRoute({ productId }: { productId: string }) {
  return (
    <Suspense fallback={<Loading />}>
      <AssistPage productId={productId} />
    </Suspense>
  );
}
