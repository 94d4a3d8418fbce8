// An agent's rating of a help they finished: how hard (1–5), whether the part and manual information was enough, an
// optional note; sent once over the socket (the server stores it before it answers). "Already rated" ends it as rated.
import { createStore } from 'zustand/vanilla';
import type { ErrorBody } from '../../../core/ack.ts';
import type { RealtimeClient } from '../realtime/realtime-client.ts';
import { RealtimeError } from '../realtime/realtime-client.ts';

export interface AgentRatingState {
  phase: 'asking' | 'sending' | 'rated';
  difficulty: number | undefined;
  infoEnough: boolean | undefined;
  note: string;
  /** Send was pressed before both questions were answered. */
  missing: boolean;
  error: ErrorBody | null;
}

export function createAgentRatingStore(client: Pick<RealtimeClient, 'request'>, requestId: string) {
  const store = createStore<AgentRatingState>(() => ({ phase: 'asking', difficulty: undefined, infoEnough: undefined, note: '', missing: false, error: null }));
  let destroyed = false;
  return {
    ...store,
    setDifficulty(difficulty: number): void {
      store.setState({ difficulty, missing: false });
    },
    setInfoEnough(infoEnough: boolean): void {
      store.setState({ infoEnough, missing: false });
    },
    setNote(note: string): void {
      store.setState({ note });
    },
    async send(): Promise<void> {
      const { phase, difficulty, infoEnough, note } = store.getState();
      if (phase !== 'asking') return;
      if (difficulty === undefined || infoEnough === undefined) {
        store.setState({ missing: true });
        return;
      }
      store.setState({ phase: 'sending', error: null });
      const text = note.trim();
      try {
        await client.request('help:rate', { requestId, difficulty, infoEnough, ...(text ? { note: text } : {}) });
        if (!destroyed) store.setState({ phase: 'rated' });
      } catch (error) {
        if (destroyed) return;
        const body: ErrorBody = error instanceof RealtimeError ? error.body : { code: 'internal', message: String(error) };
        store.setState(body.reason === 'rating.answered' ? { phase: 'rated' } : { phase: 'asking', error: body });
      }
    },
    destroy(): void {
      destroyed = true;
    },
  };
}

export type AgentRatingStore = ReturnType<typeof createAgentRatingStore>;
