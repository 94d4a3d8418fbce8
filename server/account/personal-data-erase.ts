// Erases one person inside a write transaction, table by table from the personal-data list: their rows go, other
// people's records lose the link to them, and their orders stay for accounting with no name, address or user id.
import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { ERASED_USER_ID, PERSONAL_TABLES, type PersonColumn, type TableName } from './personal-data.ts';
import { namesPerson, type Person } from './personal-data-export.ts';

export interface Erased {
  /** The sign-ins that ended, to close their sockets and forget them. */
  signInIds: string[];
  ordersKept: number;
}

/** The placeholder erased records point at: no e-mail of anyone, no password that any input matches. */
async function ensurePlaceholder(trx: Transaction<Database>, now: number): Promise<void> {
  await trx
    .insertInto('users')
    .values({ id: ERASED_USER_ID, email: 'erased-customer@erased.invalid', name: '', role: 'customer', password_hash: '!', languages: '["en"]', skills: '[]', created_at: now })
    .onConflict((conflict) => conflict.column('id').doNothing())
    .execute();
}

async function eraseColumn(trx: Transaction<Database>, table: TableName, person: Person, column: PersonColumn): Promise<void> {
  const where = namesPerson(person, column);
  const ref = sql.ref(column.column);
  const statement = {
    delete: sql`delete from ${sql.table(table)} where ${where}`,
    unlink: sql`update ${sql.table(table)} set ${ref} = null where ${where}`,
    'to-erased': sql`update ${sql.table(table)} set ${ref} = ${ERASED_USER_ID} where ${where}`,
    'json-list': sql`update ${sql.table(table)} set ${ref} = replace(${ref}, ${JSON.stringify(person.id)}, ${JSON.stringify(ERASED_USER_ID)}) where ${where}`,
    'anonymise-order': sql`update ${sql.table(table)} set ${ref} = ${ERASED_USER_ID}, address = 'null', session_id = null, idempotency_key = 'erased:' || id, request_hash = '' where ${where}`,
  }[column.erase];
  await statement.execute(trx);
}

export async function erasePersonalData(trx: Transaction<Database>, person: Person, now: number): Promise<Erased> {
  const signIns = await trx.selectFrom('sign_ins').select('id').where('user_id', '=', person.id).execute();
  await ensurePlaceholder(trx, now);
  const orders = await trx.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('count')).where('user_id', '=', person.id).executeTakeFirst();
  for (const entry of PERSONAL_TABLES) {
    for (const column of entry.columns) await eraseColumn(trx, entry.table, person, column);
  }
  return { signInIds: signIns.map((row) => row.id), ordersKept: Number(orders?.count ?? 0) };
}
