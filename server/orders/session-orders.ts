// Orders placed for an assist session: only by one of its members, and linked to it (`order.linked`) in the order's commit.
import type { Kysely } from 'kysely';
import type { User } from '../../core/auth.ts';
import type { SessionLogEntry } from '../../core/session.ts';
import type { Database } from '../db/schema.ts';
import { requireMember } from '../sessions/session-access.ts';
import type { SessionHub } from '../sessions/session-hub.ts';
import { appendEntries } from '../sessions/session-repository.ts';

export interface SessionOrders {
  /** An order may be linked only to a session its buyer is a member of. */
  requireBuyerInSession(user: User, sessionId: string): Promise<void>;
  /** Appends `order.linked` inside the order's own transaction, so the order and its link commit together. */
  linkWithin(trx: Kysely<Database>, user: User, sessionId: string, orderId: string, now: number): Promise<SessionLogEntry[]>;
  /** Call before the order's transaction; the returned function tells the session about the link once it settled. */
  expectLink(sessionId: string): (entries: SessionLogEntry[]) => void;
}

export function createSessionOrders(db: Kysely<Database>, hub: SessionHub): SessionOrders {
  return {
    async requireBuyerInSession(user, sessionId) {
      await requireMember(db, user, sessionId);
    },
    linkWithin: (trx, user, sessionId, orderId, now) => appendEntries(trx, sessionId, [{ event: { type: 'order.linked', data: { orderId } }, actorId: user.id }], now),
    expectLink: (sessionId) => hub.expect(sessionId),
  };
}
