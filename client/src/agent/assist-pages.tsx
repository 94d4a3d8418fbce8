// The live-help pages, loaded on demand: the agent console and the requester's help page.
import { lazy, Suspense } from 'react';
import { Loading } from '../components/status-views.tsx';

const AgentConsolePage = lazy(() => import('./agent-page.tsx'));
const RequesterHelpPage = lazy(() => import('../help/help-page.tsx'));

export function AgentPage() {
  return (
    <Suspense fallback={<Loading />}>
      <AgentConsolePage />
    </Suspense>
  );
}

export function HelpPage({ productId }: { productId: string }) {
  return (
    <Suspense fallback={<Loading />}>
      <RequesterHelpPage productId={productId} />
    </Suspense>
  );
}
