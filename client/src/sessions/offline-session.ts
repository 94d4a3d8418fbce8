// A session opened while online and kept on the device, so a downloaded product's assist page opens without a
// connection; the mirror re-joins it (and reads what was missed) when the signal returns.
import { z } from 'zod';
import { SessionLogEntrySchema, SessionStateSchema } from '../../../core/session.ts';
import type { SessionJoinResult } from '../../../core/session-events.ts';
import type { RealtimeClient } from '../realtime/realtime-client.ts';
import { openSession, type OpenSessionInput } from './open-session.ts';

const KeptSessionSchema = z.object({ state: SessionStateSchema, log: z.array(SessionLogEntrySchema), hasMore: z.boolean() });

type KeptStorage = Pick<Storage, 'getItem' | 'setItem'>;

const keptSessionKey = (userId: string, productId: string) => `xr-assist.offline-session.${userId}.${productId}`;

/**
 * Opens (or resumes) the person's session for the product, as the assist page would (the one named when given), and
 * keeps it for offline use.
 */
export async function keepSessionForOffline(client: RealtimeClient, input: OpenSessionInput, storage: KeptStorage = localStorage): Promise<void> {
  const joined = await openSession(client, input, storage);
  storage.setItem(keptSessionKey(input.userId, input.productId), JSON.stringify(joined));
}

/** The kept session, if it is the one remembered for this person and product (an ended one is forgotten). */
export function keptSession(userId: string, productId: string, remembered: string | null, storage: KeptStorage = localStorage): SessionJoinResult | null {
  try {
    const parsed = KeptSessionSchema.safeParse(JSON.parse(storage.getItem(keptSessionKey(userId, productId)) ?? 'null'));
    if (!parsed.success || parsed.data.state.session.status !== 'open') return null;
    return remembered === null || parsed.data.state.session.id === remembered ? (parsed.data as SessionJoinResult) : null;
  } catch {
    return null;
  }
}
