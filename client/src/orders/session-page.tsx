// A minimal requester view of an assist session (/sessions/:id): joins its room and shows the agent's proposed cart.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionState } from '../../../core/session.ts';
import { ErrorView, Loading } from '../components/status-views.tsx';
import { useAppStores } from '../state/app-stores.ts';
import { useStore } from '../state/use-store.ts';
import { ProposedCartPanel } from './proposed-cart-panel.tsx';
import { RequireSignIn } from '../components/require-sign-in.tsx';
import { whenOnline } from '../realtime/when-online.ts';

export function SessionPage({ id }: { id: string }) {
  return (
    <RequireSignIn>
      <SessionView id={id} />
    </RequireSignIn>
  );
}

function SessionView({ id }: { id: string }) {
  const { t } = useTranslation('orders');
  const { connection } = useAppStores();
  const client = useStore(connection, (state) => state.client);
  const [state, setState] = useState<SessionState | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let cancelled = false;
    const join = () =>
      client.request('session:join', { sessionId: id }).then(
        (result) => !cancelled && setState(result.state),
        (failure: unknown) => !cancelled && setError(failure),
      );
    const offOnline = whenOnline(client, () => void join());
    const offEvent = client.on('session:event', (entry) => {
      if (entry.sessionId === id && (entry.type === 'member.joined' || entry.type === 'member.left')) void join();
    });
    return () => {
      cancelled = true;
      offOnline();
      offEvent();
    };
  }, [client, id]);

  if (error && !state) return <ErrorView error={error} />;
  if (!state) return <Loading />;
  const agents = state.members.filter((member) => member.role === 'agent' && member.leftAt === null);
  return (
    <section className="session-page" aria-labelledby="session-title">
      <h1 id="session-title">{t('session.title')}</h1>
      <p role="status">{agents.length ? t('session.withAgent', { name: agents.map((agent) => agent.name).join(', ') }) : t('session.waiting')}</p>
      <ProposedCartPanel sessionId={id} />
    </section>
  );
}
