// Per-account sign-in back-off in the database, shared by every node: after a few misses each further try waits twice as long.
import type { Store } from '../db/database.ts';

/** Misses in a row before the account starts to wait. */
const FREE_ATTEMPTS = 5;
const FIRST_WAIT_MS = 1_000;
const LONGEST_WAIT_MS = 15 * 60_000;
/** Misses older than this are forgotten: the count starts again. */
const FORGET_AFTER_MS = 60 * 60_000;
const PURGE_EVERY_MS = 60_000;

export interface LoginThrottle {
  /**
   * Counts a sign-in attempt for the e-mail before its password is checked, so attempts sent at once are counted at
   * once. Returns the seconds to wait when the account is waiting (the attempt is then not counted), else null.
   */
  attempt(email: string): Promise<number | null>;
  /** A right password: the count starts again. */
  succeeded(email: string): Promise<void>;
}

/** The wait after the n-th miss in a row: none before FREE_ATTEMPTS, then 1 s, 2 s, 4 s … up to 15 minutes. */
export function waitAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** Math.min(failures - FREE_ATTEMPTS, 30));
}

export function createLoginThrottle(store: Store): LoginThrottle {
  let purgedAt = 0;
  return {
    attempt(email) {
      const now = Date.now();
      const purge = now - purgedAt > PURGE_EVERY_MS;
      if (purge) purgedAt = now;
      return store.write(async (trx) => {
        if (purge) await trx.deleteFrom('login_throttle').where('updated_at', '<', now - FORGET_AFTER_MS).where('locked_until', '<', now).execute();
        await trx.insertInto('login_throttle').values({ email, failures: 0, locked_until: 0, updated_at: now }).onConflict((oc) => oc.column('email').doNothing()).execute();
        const select = trx.selectFrom('login_throttle').selectAll().where('email', '=', email);
        // SQLite runs one write at a time; Postgres needs the row locked for the read-then-update.
        const row = await (store.dialect === 'postgres' ? select.forUpdate() : select).executeTakeFirstOrThrow();
        if (row.locked_until > now) return Math.ceil((row.locked_until - now) / 1000);
        const failures = now - row.updated_at > FORGET_AFTER_MS ? 1 : row.failures + 1;
        const wait = waitAfter(failures);
        await trx.updateTable('login_throttle').set({ failures, locked_until: wait ? now + wait : 0, updated_at: now }).where('email', '=', email).execute();
        return null;
      });
    },
    async succeeded(email) {
      await store.write((trx) => trx.deleteFrom('login_throttle').where('email', '=', email).execute());
    },
  };
}
