// A minimal requester view of an assist session (/sessions/:id): joins it and shows the agent's proposed cart.
import { useTranslation } from 'react-i18next';
import { ErrorView, Loading } from '../components/status-views.tsx';
import { RequireSignIn } from '../components/require-sign-in.tsx';
import { SessionProvider, useLiveSession } from '../sessions/session-provider.tsx';
import { useStore } from '../state/use-store.ts';
import { ProposedCartPanel } from './proposed-cart-panel.tsx';
import type { LiveSession } from '../sessions/live-session.ts';

export function SessionPage({ id }: { id: string }) {
  return (
    <RequireSignIn>
      <SessionProvider sessionId={id}>
        <SessionView />
      </SessionProvider>
    </RequireSignIn>
  );
}

function SessionView() {
  const session = useLiveSession();
  return session ? <SessionStatus session={session} /> : null;
}

function SessionStatus({ session }: { session: LiveSession }) {
  const { t } = useTranslation('orders');
  const failed = useStore(session.mirror, (mirror) => mirror.phase === 'failed');
  const state = useStore(session.mirror, (mirror) => mirror.session);
  if (failed && !state) return <ErrorView error={failed} />;
  if (!state) return <Loading />;
  const agents = state.members.filter((member) => member.role === 'agent' && member.leftAt === null);
  return (
    <section className="session-page" aria-labelledby="session-title">
      <h1 id="session-title">{t('session.title')}</h1>
      <p role="status">{agents.length ? t('session.withAgent', { name: agents.map((agent) => agent.name).join(', ') }) : t('session.waiting')}</p>
      <ProposedCartPanel />
    </section>
  );
}
