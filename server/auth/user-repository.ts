// User accounts: lookup, sign-in check and the mapping from rows to the API's User.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Role, User } from '../../core/auth.ts';
import type { Language } from '../../core/languages.ts';
import type { ProductLine } from '../../core/catalog.ts';
import type { Database, UsersTable } from '../db/schema.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

export interface NewUser {
  email: string;
  name: string;
  role: Role;
  password: string;
  languages: Language[];
  skills: ProductLine[];
}

export function toUser(row: UsersTable): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    languages: JSON.parse(row.languages) as Language[],
    skills: JSON.parse(row.skills) as ProductLine[],
  };
}

export async function createUser(db: Kysely<Database>, input: NewUser): Promise<User> {
  const row: UsersTable = {
    id: randomUUID(),
    email: input.email.toLowerCase(),
    name: input.name,
    role: input.role,
    password_hash: await hashPassword(input.password),
    languages: JSON.stringify(input.languages),
    skills: JSON.stringify(input.skills),
    created_at: Date.now(),
  };
  await db.insertInto('users').values(row).execute();
  return toUser(row);
}

export async function findUserById(db: Kysely<Database>, id: string): Promise<User | null> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toUser(row) : null;
}

/** The user whose e-mail and password match, or null; the same slow hash runs either way. */
export async function authenticate(db: Kysely<Database>, email: string, password: string): Promise<User | null> {
  const row = await db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
  const ok = await verifyPassword(password, row?.password_hash ?? UNKNOWN_USER_HASH);
  return row && ok ? toUser(row) : null;
}

const UNKNOWN_USER_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
