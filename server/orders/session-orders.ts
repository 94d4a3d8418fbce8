// Orders in assist sessions: the agent proposes parts (`cart.proposed`), and an order placed for a session is linked to it (`order.linked`).
import type { Kysely } from 'kysely';
import type { User } from '../../core/auth.ts';
import { AppError } from '../../core/errors.ts';
import type { CartProposal } from '../../core/cart-events.ts';
import type { SessionLogEntry } from '../../core/session.ts';
import type { Database } from '../db/schema.ts';
import { requireActiveMember, requireMember } from '../sessions/session-access.ts';
import type { SessionHub } from '../sessions/session-hub.ts';
import { appendEntries } from '../sessions/session-repository.ts';

export interface SessionOrders {
  /** Lets proposals and links reach the session log; call once the assist hub exists. */
  attach(hub: SessionHub): void;
  /** An order may be linked only to a session its buyer is a member of. */
  requireBuyerInSession(user: User, sessionId: string): Promise<void>;
  /** Appends `order.linked` inside the order's own transaction, so the order and its link commit together. */
  linkWithin(trx: Kysely<Database>, user: User, sessionId: string, orderId: string, now: number): Promise<SessionLogEntry[]>;
  /** Call before the order's transaction; the returned function tells the session about the link once it settled. */
  expectLink(sessionId: string): (entries: SessionLogEntry[]) => void;
  propose(agent: User | null, proposal: CartProposal, exceptSocketId: string): Promise<{ entry: SessionLogEntry }>;
}

export function createSessionOrders(db: Kysely<Database>): SessionOrders {
  let hub: SessionHub | undefined;
  const requireHub = (): SessionHub => {
    if (!hub) throw new AppError('internal', 'Sessions are not available on this server.');
    return hub;
  };

  const requireKnownSkus = async (skus: string[]) => {
    const rows = await db.selectFrom('parts').select('sku').where('sku', 'in', skus).execute();
    const known = new Set(rows.map((row) => row.sku));
    const unknown = skus.map((sku, index) => ({ sku, index })).filter(({ sku }) => !known.has(sku));
    if (unknown.length) {
      throw new AppError(
        'bad_request',
        `There is no part with SKU ${unknown.map(({ sku }) => sku).join(', ')}.`,
        unknown.map(({ sku, index }) => ({ path: `items.${index}.sku`, message: `unknown SKU "${sku}"` })),
      );
    }
  };

  return {
    attach(sessionHub) {
      hub = sessionHub;
    },
    async requireBuyerInSession(user, sessionId) {
      await requireMember(db, user, sessionId);
    },
    linkWithin: (trx, user, sessionId, orderId, now) => appendEntries(trx, sessionId, [{ event: { type: 'order.linked', data: { orderId } }, actorId: user.id }], now),
    expectLink: (sessionId) => requireHub().expect(sessionId),
    async propose(agent, { sessionId, items, note }, exceptSocketId) {
      await requireActiveMember(db, agent, sessionId, 'agent');
      await requireKnownSkus(items.map((item) => item.sku));
      const data = note === undefined ? { items } : { items, note };
      const { entries } = await requireHub().commit(sessionId, [{ event: { type: 'cart.proposed', data }, actorId: agent?.id ?? null }], { exceptSocketId });
      return { entry: entries[0] as SessionLogEntry };
    },
  };
}
