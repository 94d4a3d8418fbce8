// Revisions of pushed snapshots (help queue, callbacks) that order across nodes: the shared database's clock.
import { sql } from 'kysely';
import type { Store } from '../db/database.ts';

/**
 * A console keeps the pushed snapshot of highest revision, and every node pushes to every agent, so a per-node counter
 * lets a busy node's older snapshot outrank a newer one from a quiet node. A revision is instead the database's clock
 * (µs), read before the snapshot reads its data: a snapshot begun after a change committed outranks any that missed it.
 */
export type SnapshotRevision = () => Promise<number>;

export function createSnapshotRevision(store: Pick<Store, 'db' | 'dialect'>): SnapshotRevision {
  let last = 0;
  const clock =
    store.dialect === 'postgres'
      ? async () => (await sql<{ now: number }>`select (extract(epoch from clock_timestamp()) * 1000000)::bigint as now`.execute(store.db)).rows[0]?.now ?? 0
      : async () => Date.now() * 1000;
  return async () => {
    last = Math.max(await clock(), last + 1);
    return last;
  };
}
