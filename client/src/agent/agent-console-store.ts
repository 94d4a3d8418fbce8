// The agent console's state: the live queue, accepted sessions as tabs (each a live session with its call, and a pose
// buffer), and the pose stream routed to the tab of its session.
import { createStore } from 'zustand/vanilla';
import type { HelpContext, HelpHistoryItem, HelpSubject, QueueItem, RequesterOrder, TransferTarget } from '../../../core/help.ts';
import type { RequesterTimeline } from '../../../core/activity.ts';
import { decodePoseFrame } from '../../../core/pose-frame.ts';
import type { SessionInfo } from '../../../core/session.ts';
import type { SessionJoinResult } from '../../../core/session-events.ts';
import { apiFetch } from '../api/http.ts';
import type { RealtimeClient } from '../realtime/realtime-client.ts';
import { whenOnline } from '../realtime/when-online.ts';
import { callOf } from '../call/call-controller.ts';
import { createLiveSession, type LiveSession } from '../sessions/live-session.ts';
import { createPoseBuffer, type PoseBuffer } from './pose-buffer.ts';
import { errorText } from '../i18n/error-text.ts';

export interface AgentTab {
  sessionId: string;
  requestId: string | null;
  requesterName: string;
  productId: string;
  context: HelpContext | null;
  /** The product and unit by name, from the request. */
  subject: HelpSubject;
  /** The requester's earlier sessions, from the request. */
  history: HelpHistoryItem[];
  session: LiveSession;
  poses: PoseBuffer;
}

export interface AgentConsoleState {
  queue: QueueItem[];
  revision: number;
  queueLoaded: boolean;
  tabs: AgentTab[];
  selected: string | null;
  /** The request being accepted or declined. */
  busy: string | null;
  error: string | null;
}


export function createAgentConsole(client: RealtimeClient, selfId: string) {
  const store = createStore<AgentConsoleState>(() => ({ queue: [], revision: -1, queueLoaded: false, tabs: [], selected: null, busy: null, error: null }));

  const setQueue = (queue: QueueItem[], revision: number) => {
    if (revision < store.getState().revision) return;
    store.setState({ queue, revision, queueLoaded: true });
  };

  const openTab = (result: SessionJoinResult, details: { requestId: string | null; requesterName: string; context: HelpContext | null; subject: HelpSubject; history: HelpHistoryItem[] }): AgentTab => {
    const sessionId = result.state.session.id;
    const existing = store.getState().tabs.find((tab) => tab.sessionId === sessionId);
    if (existing) return existing;
    const session = createLiveSession({ client, sessionId, selfId, initial: result });
    callOf(session); // made now, so the requester can ring before the workspace shows
    const tab: AgentTab = { sessionId, productId: result.state.session.productId, ...details, session, poses: createPoseBuffer() };
    store.setState({ tabs: [...store.getState().tabs, tab], selected: sessionId });
    return tab;
  };

  const closeTab = (sessionId: string) => {
    const tab = store.getState().tabs.find((candidate) => candidate.sessionId === sessionId);
    if (!tab) return;
    tab.session.destroy();
    const tabs = store.getState().tabs.filter((candidate) => candidate !== tab);
    store.setState({ tabs, selected: store.getState().selected === sessionId ? (tabs[0]?.sessionId ?? null) : store.getState().selected });
  };

  /** After a reload: the sessions this agent is helping in now come back as tabs. */
  const restoreTabs = async () => {
    const { sessions } = await apiFetch<{ sessions: SessionInfo[] }>('/api/sessions');
    for (const session of sessions.filter((candidate) => candidate.status === 'open')) {
      if (store.getState().tabs.some((tab) => tab.sessionId === session.id)) continue;
      const result = await client.request('session:join', { sessionId: session.id }).catch(() => null);
      if (!result || result.state.help?.status !== 'active' || result.state.help.agentId !== selfId) continue;
      const requester = result.state.members.find((member) => member.role === 'requester');
      const { requestId } = result.state.help;
      const { context, subject, history } = await client.request('help:context', { requestId });
      openTab(result, { requestId, requesterName: requester?.name ?? '', context, subject, history });
    }
  };

  const offQueue = client.on('queue:updated', (update) => setQueue(update.requests, update.revision));
  const offPose = client.on('pose:update', (frame) => {
    const decoded = decodePoseFrame(frame);
    if (!decoded) return;
    const tab = store.getState().tabs.find((candidate) => candidate.session.mirror.getState().session?.session.poseChannel === decoded.channel);
    tab?.poses.push(decoded.sample);
  });
  let restored = false;
  const offOnline = whenOnline(client, () => {
    void client.request('queue:get', {}).then(
      (update) => setQueue(update.requests, update.revision),
      (error: unknown) => store.setState({ error: errorText(error) }),
    );
    if (!restored) {
      restored = true;
      void restoreTabs().catch((error: unknown) => store.setState({ error: errorText(error) }));
    }
  });

  const run = async (requestId: string, work: () => Promise<void>) => {
    store.setState({ busy: requestId, error: null });
    try {
      await work();
    } catch (error) {
      store.setState({ error: errorText(error) });
    } finally {
      store.setState({ busy: null });
    }
  };

  return {
    getState: store.getState,
    subscribe: store.subscribe,
    select(sessionId: string) {
      store.setState({ selected: sessionId });
    },
    accept(item: QueueItem) {
      return run(item.requestId, async () => {
        const result = await client.request('help:accept', { requestId: item.requestId });
        openTab(result, { requestId: item.requestId, requesterName: item.requester.name, context: item.context, subject: item.subject, history: item.history });
      });
    },
    decline(item: QueueItem) {
      return run(item.requestId, async () => {
        await client.request('help:decline', { requestId: item.requestId });
        setQueue(
          store.getState().queue.filter((candidate) => candidate.requestId !== item.requestId),
          store.getState().revision,
        );
      });
    },
    /** The other agents online now who could take the tab's request (its product line and language). */
    async requesterOrders(tab: AgentTab): Promise<RequesterOrder[]> {
      if (!tab.requestId) return [];
      return (await client.request('help:orders', { requestId: tab.requestId })).orders;
    },
    /** A page of the requester's timeline with the friction in its sessions (the helping agent only). */
    async requesterTimeline(tab: AgentTab, before: string | undefined): Promise<RequesterTimeline> {
      if (!tab.requestId) return { items: [], next: null, friction: [] };
      return client.request('help:timeline', { requestId: tab.requestId, ...(before === undefined ? {} : { before }) });
    },
    async transferTargets(tab: AgentTab): Promise<TransferTarget[]> {
      const requestId = tab.session.mirror.getState().session?.help?.requestId;
      if (!requestId) return [];
      return (await client.request('help:transfer-targets', { requestId })).agents;
    },
    /** Hands the request back to the queue (or to one agent by id); the tab closes since we are no longer a member. */
    transfer(tab: AgentTab, toAgentId?: string) {
      const requestId = tab.session.mirror.getState().session?.help?.requestId;
      if (!requestId) return Promise.resolve();
      return run(requestId, async () => {
        await client.request('help:transfer', toAgentId ? { requestId, toAgentId } : { requestId, toQueue: true });
        closeTab(tab.sessionId);
      });
    },
    /** Ends the help; the tab stays open to read the transcript and save a guide. */
    end(tab: AgentTab) {
      const requestId = tab.session.mirror.getState().session?.help?.requestId;
      if (!requestId) return Promise.resolve();
      return run(requestId, async () => {
        await callOf(tab.session).hangup('help ended');
        tab.session.mirror.take((await client.request('help:end', { requestId })).entries);
      });
    },
    closeTab,
    destroy() {
      offQueue();
      offPose();
      offOnline();
      for (const tab of store.getState().tabs) tab.session.destroy();
    },
  };
}

export type AgentConsole = ReturnType<typeof createAgentConsole>;
