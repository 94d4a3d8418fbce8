// An agent's proposal of parts in a session: checked against the catalog, appended to the log as `cart.proposed`.
import type { Kysely } from 'kysely';
import type { User } from '../../core/auth.ts';
import { AppError } from '../../core/errors.ts';
import type { CartProposal } from '../../core/cart-events.ts';
import type { SessionLogEntry } from '../../core/session.ts';
import type { Database } from '../db/schema.ts';
import { requireActiveMember } from '../sessions/session-access.ts';
import type { SessionHub } from '../sessions/session-hub.ts';

export interface CartProposals {
  propose(agent: User | null, proposal: CartProposal, exceptSocketId: string): Promise<{ entry: SessionLogEntry }>;
}

export function createCartProposals(db: Kysely<Database>, hub: SessionHub): CartProposals {
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
    async propose(agent, { sessionId, items, note }, exceptSocketId) {
      await requireActiveMember(db, agent, sessionId, 'agent');
      await requireKnownSkus(items.map((item) => item.sku));
      const data = note === undefined ? { items } : { items, note };
      const { entries } = await hub.commit(sessionId, [{ event: { type: 'cart.proposed', data }, actorId: agent?.id ?? null }], { exceptSocketId });
      return { entry: entries[0] as SessionLogEntry };
    },
  };
}
