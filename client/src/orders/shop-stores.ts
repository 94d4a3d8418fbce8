// The signed-in person's cart and orders, created once at start-up in main.tsx and shared through React context.
import { createContext, useContext } from 'react';
import type { CartStore } from './cart-store.ts';
import type { OrdersStore } from './orders-store.ts';

export interface ShopStores {
  cart: CartStore;
  orders: OrdersStore;
}

export const ShopStoresContext = createContext<ShopStores | null>(null);

export function useShopStores(): ShopStores {
  const stores = useContext(ShopStoresContext);
  if (!stores) throw new Error('useShopStores must be used inside <ShopStoresContext.Provider>');
  return stores;
}
