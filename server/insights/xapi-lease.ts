// The xAPI push's one row: a lease so that only one node pushes at a time (taken when free or expired, renewed by its
// holder), and the watermark, moved only by the lease's holder in the transaction that records what was sent.
import type { Transaction } from 'kysely';
import type { Store } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { XapiWatermark } from './xapi-outbox.ts';

const ROW = 'lrs';

export interface XapiLease {
  /** Takes or renews the lease until `now + durationMs`; false when another node holds it. */
  acquire(now: number, durationMs: number): Promise<boolean>;
  watermark(): Promise<XapiWatermark>;
  release(): Promise<void>;
}

/** Moves the watermark forward inside `trx`; throws when `holder` lost the lease, so the transaction rolls back. */
export async function advanceWatermark(trx: Transaction<Database>, holder: string, to: XapiWatermark): Promise<void> {
  const result = await trx.updateTable('xapi_push_state').set({ watermark_tx: to.tx, watermark_pos: to.pos }).where('name', '=', ROW).where('holder', '=', holder).executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw new Error('the xAPI push lease was lost');
}

export function createXapiLease(store: Store, holder: string): XapiLease {
  return {
    async acquire(now, durationMs) {
      const result = await store.write((trx) =>
        trx
          .updateTable('xapi_push_state')
          .set({ holder, lease_until: now + durationMs })
          .where('name', '=', ROW)
          .where((eb) => eb.or([eb('holder', '=', holder), eb('holder', 'is', null), eb('lease_until', '<', now)]))
          .executeTakeFirst(),
      );
      return Number(result.numUpdatedRows) === 1;
    },
    async watermark() {
      const row = await store.db.selectFrom('xapi_push_state').select(['watermark_tx', 'watermark_pos']).where('name', '=', ROW).executeTakeFirstOrThrow();
      return { tx: row.watermark_tx, pos: Number(row.watermark_pos) };
    },
    async release() {
      await store.write((trx) => trx.updateTable('xapi_push_state').set({ holder: null, lease_until: 0 }).where('name', '=', ROW).where('holder', '=', holder).execute());
    },
  };
}
