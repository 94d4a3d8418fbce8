// Saved delivery addresses of a user, and the address an order is delivered to.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../../core/errors.ts';
import { MAX_SAVED_ADDRESSES } from '../../core/order-limits.ts';
import type { Address, PlaceOrderRequest, SavedAddress } from '../../core/order.ts';
import type { AddressesTable, Database } from '../db/schema.ts';


function toSavedAddress(row: AddressesTable): SavedAddress {
  return { id: row.id, name: row.name, street: row.street, city: row.city, postalCode: row.postal_code, country: row.country, createdAt: Number(row.created_at) };
}

export function toAddress(saved: SavedAddress): Address {
  return { name: saved.name, street: saved.street, city: saved.city, postalCode: saved.postalCode, country: saved.country };
}

export async function listAddresses(db: Kysely<Database>, userId: string): Promise<SavedAddress[]> {
  const rows = await db.selectFrom('addresses').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('id').execute();
  return rows.map(toSavedAddress);
}

export async function findAddress(db: Kysely<Database>, userId: string, id: string): Promise<SavedAddress | null> {
  const row = await db.selectFrom('addresses').selectAll().where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
  return row ? toSavedAddress(row) : null;
}

/** Saves an address; saving one that is already there returns it (`created: false`) instead of a duplicate. */
export async function saveAddress(db: Kysely<Database>, userId: string, address: Address): Promise<{ address: SavedAddress; created: boolean }> {
  const same = await db
    .selectFrom('addresses')
    .selectAll()
    .where('user_id', '=', userId)
    .where('name', '=', address.name)
    .where('street', '=', address.street)
    .where('city', '=', address.city)
    .where('postal_code', '=', address.postalCode)
    .where('country', '=', address.country)
    .executeTakeFirst();
  if (same) return { address: toSavedAddress(same), created: false };
  const { count } = await db.selectFrom('addresses').select((eb) => eb.fn.countAll<number>().as('count')).where('user_id', '=', userId).executeTakeFirstOrThrow();
  if (Number(count) >= MAX_SAVED_ADDRESSES) {
    throw new AppError('conflict', `You already have ${MAX_SAVED_ADDRESSES} saved addresses; delete one before saving another.`);
  }
  const row: AddressesTable = {
    id: randomUUID(),
    user_id: userId,
    name: address.name,
    street: address.street,
    city: address.city,
    postal_code: address.postalCode,
    country: address.country,
    created_at: Date.now(),
  };
  await db.insertInto('addresses').values(row).execute();
  return { address: toSavedAddress(row), created: true };
}

export async function deleteAddress(db: Kysely<Database>, userId: string, id: string): Promise<void> {
  const result = await db.deleteFrom('addresses').where('user_id', '=', userId).where('id', '=', id).executeTakeFirst();
  if (result.numDeletedRows === 0n) throw new AppError('not_found', `You have no saved address "${id}".`);
}

/** The delivery address of an order: the one given, or the user's saved one named by `addressId`. */
export async function resolveDeliveryAddress(db: Kysely<Database>, userId: string, request: Pick<PlaceOrderRequest, 'address' | 'addressId'>): Promise<Address> {
  if (request.address && request.addressId) {
    throw new AppError('bad_request', 'Give either a delivery address or the id of a saved one, not both.', [{ path: 'addressId', message: 'must not be given with address' }]);
  }
  if (request.address) return request.address;
  if (request.addressId) {
    const saved = await findAddress(db, userId, request.addressId);
    if (!saved) throw new AppError('not_found', `You have no saved address "${request.addressId}".`, [{ path: 'addressId', message: 'is not one of your saved addresses' }]);
    return toAddress(saved);
  }
  throw new AppError('bad_request', 'A delivery address is required: give an address or the id of a saved one.', [
    { path: 'address', message: 'is required (or addressId of a saved address)' },
  ]);
}
