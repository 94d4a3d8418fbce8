// Cart operations for HTTP and realtime alike: each change is stored, then pushed as `cart:updated` to the user's sockets.
import type { Kysely } from 'kysely';
import type { Cart, CartItem } from '../../core/cart.ts';
import type { Database } from '../db/schema.ts';
import type { UserPush } from '../realtime/user-push.ts';
import { addToCartLine, clearCartLines, readCart, setCartLine, setCartLines } from './cart-repository.ts';

export interface CartService {
  get(userId: string): Promise<Cart>;
  setItem(userId: string, sku: string, quantity: number): Promise<Cart>;
  /** With `changeId`, the same add sent twice is applied once. */
  addItem(userId: string, sku: string, quantity: number, changeId?: string): Promise<Cart>;
  setItems(userId: string, items: readonly CartItem[]): Promise<Cart>;
  clear(userId: string): Promise<Cart>;
  /** Pushes the current cart after a change made elsewhere (e.g. an order that emptied it). */
  announce(userId: string): Promise<Cart>;
}

export function createCartService(db: Kysely<Database>, push: UserPush): CartService {
  const announce = async (userId: string) => {
    const cart = await readCart(db, userId);
    push.toUser(userId, 'cart:updated', { cart });
    return cart;
  };
  return {
    get: (userId) => readCart(db, userId),
    async setItem(userId, sku, quantity) {
      await setCartLine(db, userId, sku, quantity);
      return announce(userId);
    },
    async addItem(userId, sku, quantity, changeId) {
      await addToCartLine(db, userId, sku, quantity, changeId);
      return announce(userId);
    },
    async setItems(userId, items) {
      await setCartLines(db, userId, items);
      return announce(userId);
    },
    async clear(userId) {
      await clearCartLines(db, userId);
      return announce(userId);
    },
    announce,
  };
}
