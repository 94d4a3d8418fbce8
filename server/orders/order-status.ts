// Moves an order along placed → confirmed → shipped → delivered, or cancels it before it ships and puts its stock back.
import type { Kysely } from 'kysely';
import { AppError } from '../../core/errors.ts';
import { ORDER_TRANSITIONS, canMoveOrder, type OrderStatus } from '../../core/order.ts';
import type { Database } from '../db/schema.ts';
import { returnStock } from '../catalog/stock-repository.ts';

export interface StatusChange {
  changed: boolean;
  previousStatus: OrderStatus;
  at: number;
}

function refusal(from: OrderStatus, to: OrderStatus, number: string): AppError {
  const allowed = ORDER_TRANSITIONS[from];
  const options = allowed.length ? `it can only become ${allowed.join(' or ')}` : 'it cannot change any more';
  return new AppError('conflict', `Order ${number} is ${from} and cannot become ${to}: ${options}.`, [{ path: 'status', message: `cannot go from ${from} to ${to}` }]);
}

/** Changes the status in one transaction; asking for the status the order already has changes nothing. */
export async function changeOrderStatus(db: Kysely<Database>, orderId: string, to: OrderStatus, byUserId: string): Promise<StatusChange> {
  return db.transaction().execute(async (trx) => {
    const order = await trx.selectFrom('orders').select(['status', 'number']).where('id', '=', orderId).executeTakeFirst();
    if (!order) throw new AppError('not_found', `There is no order "${orderId}".`);
    const from = order.status as OrderStatus;
    const at = Date.now();
    if (from === to) return { changed: false, previousStatus: from, at };
    if (!canMoveOrder(from, to)) throw refusal(from, to, order.number);

    const moved = await trx.updateTable('orders').set({ status: to, updated_at: at }).where('id', '=', orderId).where('status', '=', from).executeTakeFirst();
    if (moved.numUpdatedRows === 0n) throw new AppError('conflict', `Order ${order.number} changed meanwhile; reload it and try again.`);
    await trx.insertInto('order_status_history').values({ order_id: orderId, status: to, at, by_user_id: byUserId }).execute();
    if (to === 'cancelled') {
      const lines = await trx.selectFrom('order_items').select(['sku', 'quantity']).where('order_id', '=', orderId).orderBy('sku').execute();
      for (const line of lines) {
        await returnStock(trx, line.sku, line.quantity, at);
      }
    }
    return { changed: true, previousStatus: from, at };
  });
}
