// The signed-in person's cart and orders, created once at start-up in main.tsx and shared through React context.
import { requiredContext } from '../state/required-context.ts';
import type { CartStore } from './cart-store.ts';
import type { OrdersStore } from './orders-store.ts';

export interface ShopStores {
  cart: CartStore;
  orders: OrdersStore;
}

export const [ShopStoresContext, useShopStores] = requiredContext<ShopStores>('ShopStoresContext');
