// The console's state line, always in view: waiting for a request, connected to a requester, on a call, or the
// connection lost.
import { useTranslation } from 'react-i18next';
import { useStore } from '../state/use-store.ts';
import { useConnectionProblem } from '../components/use-connection-problem.ts';
import { callOf } from '../call/call-controller.ts';
import { isInCall } from '../call/call-status.ts';
import type { AgentConsole, AgentTab } from './agent-console-store.ts';

type CallStateKind = 'waiting' | 'connected' | 'call' | 'lost';

function Line({ kind, text }: { kind: CallStateKind; text: string }) {
  return (
    <p role="status" className="call-state" data-state={kind} data-testid="call-state">
      <span className="call-state-dot" aria-hidden="true" />
      {text}
    </p>
  );
}

function TabState({ tab }: { tab: AgentTab }) {
  const { t } = useTranslation('assist');
  const phase = useStore(callOf(tab.session), (state) => state.phase);
  const helping = useStore(tab.session.mirror, (state) => state.session?.help?.status === 'active' && state.session.session.status === 'open');
  const name = tab.requesterName;
  if (!helping) return <Line kind="waiting" text={t('callState.ended', { name })} />;
  if (isInCall(phase)) return <Line kind="call" text={t('callState.call', { name })} />;
  return <Line kind="connected" text={t('callState.connected', { name })} />;
}

export function CallState({ agentConsole }: { agentConsole: AgentConsole }) {
  const { t } = useTranslation('assist');
  const problem = useConnectionProblem();
  const tab = useStore(agentConsole, (state) => state.tabs.find((candidate) => candidate.sessionId === state.selected) ?? null);
  const waiting = useStore(agentConsole, (state) => state.queue.length);
  if (problem) return <Line kind="lost" text={t('callState.lost', { reason: t(`connection.short.${problem.kind}`, { ns: 'common' }) })} />;
  if (tab) return <TabState key={tab.sessionId} tab={tab} />;
  return <Line kind="waiting" text={t('callState.waiting', { count: waiting })} />;
}
