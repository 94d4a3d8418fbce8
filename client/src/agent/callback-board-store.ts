// The open callback requests this agent can make: fetched whenever the console comes online, kept live from
// `callbacks:updated`, and marked done.
import { createStore } from 'zustand/vanilla';
import type { Callback, CallbackUpdate } from '../../../core/help.ts';
import type { ErrorBody } from '../../../core/ack.ts';
import { RealtimeError, type RealtimeClient } from '../realtime/realtime-client.ts';
import { whenOnline } from '../realtime/when-online.ts';

export interface CallbackBoardState {
  callbacks: Callback[];
  revision: number;
  loaded: boolean;
  /** The callback being marked done. */
  busy: string | null;
  error: ErrorBody | null;
}

const toBody = (error: unknown): ErrorBody => (error instanceof RealtimeError ? error.body : { code: 'internal', message: error instanceof Error ? error.message : String(error) });

export function createCallbackBoard(client: RealtimeClient) {
  const store = createStore<CallbackBoardState>(() => ({ callbacks: [], revision: -1, loaded: false, busy: null, error: null }));

  const take = (update: CallbackUpdate) => {
    if (update.revision < store.getState().revision) return;
    store.setState({ callbacks: update.callbacks, revision: update.revision, loaded: true });
  };
  const drop = (callbackId: string) => store.setState({ callbacks: store.getState().callbacks.filter((callback) => callback.id !== callbackId) });

  const offUpdates = client.on('callbacks:updated', take);
  const offOnline = whenOnline(client, () => {
    void client.request('callbacks:get', {}).then(take, (error: unknown) => store.setState({ error: toBody(error) }));
  });

  return {
    getState: store.getState,
    subscribe: store.subscribe,
    /** Resolves true once it is done; a callback another agent already made also leaves the list (with a conflict error). */
    async markDone(callback: Callback): Promise<boolean> {
      store.setState({ busy: callback.id, error: null });
      try {
        await client.request('help:callback-done', { callbackId: callback.id });
        drop(callback.id);
        return true;
      } catch (error) {
        const body = toBody(error);
        if (body.code === 'conflict') drop(callback.id);
        store.setState({ error: body });
        return false;
      } finally {
        store.setState({ busy: null });
      }
    },
    destroy() {
      offUpdates();
      offOnline();
    },
  };
}

export type CallbackBoard = ReturnType<typeof createCallbackBoard>;
