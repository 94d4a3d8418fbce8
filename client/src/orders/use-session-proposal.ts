// The latest cart an agent proposed in a session, and the order linked after it: from the session log, then live pushes.
import { useEffect, useState } from 'react';
import type { SessionLogEntry } from '../../../core/session.ts';
import { useAppStores } from '../state/app-stores.ts';
import { useStore } from '../state/use-store.ts';
import { whenOnline } from '../realtime/when-online.ts';

type ProposalEntry = Extract<SessionLogEntry, { type: 'cart.proposed' }>;
type LinkEntry = Extract<SessionLogEntry, { type: 'order.linked' }>;

export interface SessionProposal {
  seq: number;
  items: Array<{ sku: string; quantity: number }>;
  note: string | null;
  /** An order linked to the session after this proposal. */
  orderId: string | null;
}

function latest(entries: ReadonlyMap<number, ProposalEntry | LinkEntry>): SessionProposal | null {
  let proposal: ProposalEntry | null = null;
  for (const entry of entries.values()) if (entry.type === 'cart.proposed' && (!proposal || entry.seq > proposal.seq)) proposal = entry;
  if (!proposal) return null;
  const seq = proposal.seq;
  const link = [...entries.values()].filter((entry): entry is LinkEntry => entry.type === 'order.linked' && entry.seq > seq).sort((a, b) => a.seq - b.seq)[0];
  return { seq, items: proposal.data.items, note: proposal.data.note ?? null, orderId: link?.data.orderId ?? null };
}

export function useSessionProposal(sessionId: string): SessionProposal | null {
  const { connection } = useAppStores();
  const client = useStore(connection, (state) => state.client);
  const [proposal, setProposal] = useState<SessionProposal | null>(null);

  useEffect(() => {
    const entries = new Map<number, ProposalEntry | LinkEntry>();
    let cancelled = false;
    const take = (entry: SessionLogEntry) => {
      if (entry.sessionId !== sessionId || (entry.type !== 'cart.proposed' && entry.type !== 'order.linked')) return;
      entries.set(entry.seq, entry);
      if (!cancelled) setProposal(latest(entries));
    };
    const load = async () => {
      let sinceSeq = 0;
      for (;;) {
        const page = await client.request('session:log', { sessionId, sinceSeq });
        page.log.forEach(take);
        const last = page.log[page.log.length - 1];
        if (!page.hasMore || !last || cancelled) return;
        sinceSeq = last.seq;
      }
    };
    const offEvent = client.on('session:event', take);
    const offOnline = whenOnline(client, () => void load().catch(() => undefined));
    return () => {
      cancelled = true;
      offEvent();
      offOnline();
    };
  }, [client, sessionId]);

  return proposal;
}
