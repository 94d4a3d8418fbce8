// The agent console, loaded on demand so other pages do not ship it.
import { lazy, Suspense } from 'react';
import { Loading } from '../components/status-views.tsx';

const AgentConsolePage = lazy(() => import('./agent-page.tsx'));

export function AgentPage() {
  return (
    <Suspense fallback={<Loading />}>
      <AgentConsolePage />
    </Suspense>
  );
}
