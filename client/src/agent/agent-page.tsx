// /agent — the support agent's console: the state of the call and the shortcuts on top, the live queue, callback
// requests and accepted sessions in a compact column, one session's workspace at a time.
import { useEffect, useMemo, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RequireSignIn } from '../components/require-sign-in.tsx';
import { useAppStores } from '../state/app-stores.ts';
import { useStore } from '../state/use-store.ts';
import { useExposed } from '../observe/use-exposed.ts';
import { useConnectionProblem } from '../components/use-connection-problem.ts';
import type { RealtimeClient } from '../realtime/realtime-client.ts';
import { createAgentConsole, type AgentConsole } from './agent-console-store.ts';
import { QueueList } from './queue-list.tsx';
import { createCallbackBoard, type CallbackBoard } from './callback-board-store.ts';
import { CallbackList } from './callback-list.tsx';
import { SessionWorkspace } from './session-workspace.tsx';
import { CallState } from './call-state.tsx';
import { ShortcutsHelp } from './console-shortcuts.tsx';
import { QueueStrip } from './queue-strip.tsx';
import type { Language } from '../../../core/languages.ts';
import './agent.css';

declare module '../observe/registry.ts' {
  interface Observables {
    agentConsole: AgentConsole;
    callbackBoard: CallbackBoard;
  }
}

export default function AgentPage() {
  return (
    <RequireSignIn>
      <AgentGate />
    </RequireSignIn>
  );
}

function AgentGate() {
  const { t } = useTranslation('assist');
  const { auth, connection } = useAppStores();
  const user = useStore(auth, (state) => state.user);
  const client = useStore(connection, (state) => state.client);
  if (!user) return null;
  if (user.role !== 'agent') {
    return (
      <p role="alert" className="status-error">
        {t('console.agentsOnly')}
      </p>
    );
  }
  return <AgentConsoleView key={`${user.id}`} client={client} selfId={user.id} />;
}

function SessionTabs({ agentConsole }: { agentConsole: AgentConsole }) {
  const { t, i18n } = useTranslation('assist');
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const tabs = useStore(agentConsole, (state) => state.tabs);
  const selected = useStore(agentConsole, (state) => state.selected);
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = tabs.findIndex((tab) => tab.sessionId === selected);
    const step = event.key === 'ArrowDown' || event.key === 'ArrowRight' ? 1 : event.key === 'ArrowUp' || event.key === 'ArrowLeft' ? -1 : 0;
    const next = tabs[(index + step + tabs.length) % Math.max(1, tabs.length)];
    if (!step || !next) return;
    event.preventDefault();
    agentConsole.select(next.sessionId);
    document.getElementById(`tab-${next.sessionId}`)?.focus();
  };
  if (tabs.length === 0) return null;
  return (
    <nav aria-label={t('console.sessions')}>
      <h2>{t('console.sessions')}</h2>
      <div role="tablist" aria-orientation="vertical" className="session-tabs" onKeyDown={onKeyDown}>
        {tabs.map((tab) => (
          <button
            key={tab.sessionId}
            id={`tab-${tab.sessionId}`}
            type="button"
            role="tab"
            aria-selected={tab.sessionId === selected}
            aria-controls="session-panel"
            tabIndex={tab.sessionId === selected ? 0 : -1}
            onClick={() => agentConsole.select(tab.sessionId)}
          >
            {tab.requesterName} · {tab.subject.productName[language]}
          </button>
        ))}
      </div>
    </nav>
  );
}

function AgentConsoleView({ client, selfId }: { client: RealtimeClient; selfId: string }) {
  const { t } = useTranslation('assist');
  const agentConsole = useMemo(() => createAgentConsole(client, selfId), [client, selfId]);
  useEffect(() => () => agentConsole.destroy(), [agentConsole]);
  const callbackBoard = useMemo(() => createCallbackBoard(client), [client]);
  useEffect(() => () => callbackBoard.destroy(), [callbackBoard]);
  useExposed('agentConsole', agentConsole);
  useExposed('callbackBoard', callbackBoard);
  const { tabs, selected, error } = useStore(agentConsole, (state) => state);
  const connectionProblem = useConnectionProblem();
  const tab = tabs.find((candidate) => candidate.sessionId === selected) ?? null;

  return (
    <div className="agent-console">
      <h1 className="visually-hidden">{t('console.title')}</h1>
      <div className="console-bar">
        <CallState agentConsole={agentConsole} />
        <ShortcutsHelp />
        <QueueStrip agentConsole={agentConsole} />
      </div>
      <aside className="agent-aside">
        <QueueList console={agentConsole} />
        <SessionTabs agentConsole={agentConsole} />
        <CallbackList board={callbackBoard} />
        {error && !connectionProblem && (
          <p role="alert" className="status-error">
            {error}
          </p>
        )}
      </aside>
      <section id="session-panel" role={tab ? 'tabpanel' : undefined} aria-labelledby={tab ? `tab-${tab.sessionId}` : undefined} className="agent-workspace">
        {tab ? <SessionWorkspace key={tab.sessionId} client={client} agentConsole={agentConsole} tab={tab} selfId={selfId} /> : <p className="hint">{t('console.pickRequest')}</p>}
      </section>
    </div>
  );
}
