// Sign-ins in the database, so every node can renew and revoke them: one per browser, behind a rotating refresh secret.
import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Store } from '../db/database.ts';

/** A renewal that presents the secret it just replaced, within this long, is two tabs racing and not a stolen cookie. */
const RACE_GRACE_MS = 30_000;
/** How long a node trusts that a sign-in is not revoked before asking the database again (other nodes' sign-outs). */
const LIVE_FOR_MS = 5_000;
const MAX_REMEMBERED = 10_000;

export interface SignIn {
  signInId: string;
  userId: string;
}

export interface Renewed extends SignIn {
  /** The new cookie value, or null when a racing renewal already set it in this browser. */
  refresh: string | null;
}

export interface SignIns {
  /** Starts a sign-in; returns its id and the refresh cookie's value (`id.secret`). */
  start(userId: string): Promise<{ signInId: string; refresh: string }>;
  /** Renews a sign-in from its cookie and rotates the secret; null when the cookie is unknown, expired or revoked. */
  renew(cookie: string): Promise<Renewed | null>;
  /** The sign-in behind a cookie whose secret is current, without renewing it. */
  identify(cookie: string): Promise<SignIn | null>;
  revoke(signInId: string): Promise<void>;
  /** False once the sign-in is revoked: at once on this node and, told by `forget`, on the others (else within seconds). */
  isLive(signInId: string): Promise<boolean>;
  /** Another node revoked the sign-in: ask the database next time. */
  forget(signInId: string): void;
}

const hash = (secret: string) => createHash('sha256').update(secret).digest('base64url');
const sameHash = (a: string, b: string | null) => b !== null && a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

function parseCookie(cookie: string): { signInId: string; secretHash: string } | null {
  const dot = cookie.indexOf('.');
  if (dot <= 0 || dot === cookie.length - 1) return null;
  return { signInId: cookie.slice(0, dot), secretHash: hash(cookie.slice(dot + 1)) };
}

export function createSignIns(store: Store, refreshSeconds: number): SignIns {
  const { db } = store;
  const liveUntil = new Map<string, number>();
  const refreshMs = refreshSeconds * 1000;

  async function current(cookie: string) {
    const parsed = parseCookie(cookie);
    if (!parsed) return null;
    const row = await db.selectFrom('sign_ins').selectAll().where('id', '=', parsed.signInId).executeTakeFirst();
    if (!row || row.revoked_at !== null || row.expires_at <= Date.now()) return null;
    return { row, secretHash: parsed.secretHash };
  }

  async function revoke(signInId: string) {
    liveUntil.delete(signInId);
    await store.write((trx) => trx.updateTable('sign_ins').set({ revoked_at: Date.now() }).where('id', '=', signInId).where('revoked_at', 'is', null).execute());
  }

  return {
    async start(userId) {
      const now = Date.now();
      const signInId = randomUUID();
      const secret = randomBytes(32).toString('base64url');
      await store.write(async (trx) => {
        // The user's finished sign-ins go as a new one starts, so the table holds what is live and little else.
        await trx.deleteFrom('sign_ins').where('user_id', '=', userId).where((eb) => eb.or([eb('expires_at', '<', now), eb('revoked_at', '<', now - refreshMs)])).execute();
        await trx
          .insertInto('sign_ins')
          .values({ id: signInId, user_id: userId, refresh_hash: hash(secret), previous_hash: null, rotated_at: now, expires_at: now + refreshMs, revoked_at: null, created_at: now })
          .execute();
      });
      return { signInId, refresh: `${signInId}.${secret}` };
    },
    async renew(cookie) {
      const found = await current(cookie);
      if (!found) return null;
      const { row, secretHash } = found;
      const now = Date.now();
      if (sameHash(secretHash, row.previous_hash)) {
        if (now - row.rotated_at <= RACE_GRACE_MS) return { signInId: row.id, userId: row.user_id, refresh: null };
        // An old secret long after it was replaced: a copy of the cookie is in someone else's hands.
        await revoke(row.id);
        return null;
      }
      if (!sameHash(secretHash, row.refresh_hash)) return null;
      const secret = randomBytes(32).toString('base64url');
      const rotated = await store.write((trx) =>
        trx
          .updateTable('sign_ins')
          .set({ refresh_hash: hash(secret), previous_hash: row.refresh_hash, rotated_at: now, expires_at: now + refreshMs })
          .where('id', '=', row.id)
          .where('refresh_hash', '=', row.refresh_hash)
          .where('revoked_at', 'is', null)
          .executeTakeFirst(),
      );
      // Another renewal with the same secret won the race: it set the browser's new cookie.
      if (Number(rotated.numUpdatedRows) === 0) return { signInId: row.id, userId: row.user_id, refresh: null };
      return { signInId: row.id, userId: row.user_id, refresh: `${row.id}.${secret}` };
    },
    async identify(cookie) {
      const found = await current(cookie);
      const valid = found && (sameHash(found.secretHash, found.row.refresh_hash) || sameHash(found.secretHash, found.row.previous_hash));
      return valid ? { signInId: found.row.id, userId: found.row.user_id } : null;
    },
    revoke,
    forget: (signInId) => void liveUntil.delete(signInId),
    async isLive(signInId) {
      const now = Date.now();
      if ((liveUntil.get(signInId) ?? 0) > now) return true;
      const row = await db.selectFrom('sign_ins').select(['revoked_at', 'expires_at']).where('id', '=', signInId).executeTakeFirst();
      const live = row !== undefined && row.revoked_at === null && row.expires_at > now;
      liveUntil.delete(signInId);
      if (live) {
        if (liveUntil.size >= MAX_REMEMBERED) liveUntil.delete(liveUntil.keys().next().value as string);
        liveUntil.set(signInId, now + LIVE_FOR_MS);
      }
      return live;
    },
  };
}
