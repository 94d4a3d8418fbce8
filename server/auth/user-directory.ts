// The signed-in user behind a token's subject, read once per few seconds: every request and handshake asks for it.
import type { Kysely } from 'kysely';
import type { User } from '../../core/auth.ts';
import type { Database } from '../db/schema.ts';
import { findUserById } from './user-repository.ts';

export interface UserDirectory {
  byId(id: string): Promise<User | null>;
}

/**
 * The app edits no user row; it removes one only when the person erases their account, which ends their sign-ins first
 * (so `identify` refuses them before asking here). The time limit covers an operator changing a row by hand.
 */
const KEEP_MS = 10_000;
const MAX_USERS = 10_000;

export function createUserDirectory(db: Kysely<Database>, keepMs = KEEP_MS): UserDirectory {
  const known = new Map<string, { user: User; until: number }>();
  return {
    async byId(id) {
      const now = Date.now();
      const cached = known.get(id);
      if (cached && cached.until > now) return cached.user;
      const user = await findUserById(db, id);
      known.delete(id);
      if (user) {
        if (known.size >= MAX_USERS) known.delete(known.keys().next().value as string);
        known.set(id, { user, until: now + keepMs });
      }
      return user;
    },
  };
}
