// An agent on a real socket of their own, for tests that need live help without the console: takes a session's request.
import type { QueueUpdate } from '../../core/help.ts';
import { emitWithAck, type ClientSocket } from './test-server.ts';

/** Waits for the help request of `sessionId` in the agent's queue (up to 10 s) and accepts it; its request id. */
export async function acceptHelpOf(agent: ClientSocket, sessionId: string): Promise<string> {
  for (let tries = 0; tries < 50; tries += 1) {
    const queue = await emitWithAck<{ ok: true } & QueueUpdate>(agent, 'queue:get', {});
    const requestId = queue.requests.find((request) => request.sessionId === sessionId)?.requestId;
    if (requestId) {
      const accepted = await emitWithAck<{ ok: boolean; error?: { message: string } }>(agent, 'help:accept', { requestId });
      if (!accepted.ok) throw new Error(`help:accept refused: ${accepted.error?.message ?? 'no reason given'}`);
      return requestId;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`the help request of session ${sessionId} never reached the agent's queue`);
}
