// The ordering pages, loaded on demand with their translations so the catalog and product pages a visitor sees first stay small.
import { lazyPage } from '../components/lazy-page.tsx';
import { loadNamespace } from '../i18n/i18n.ts';

const withOrders = <T,>(load: Promise<T>): Promise<T> => Promise.all([load, loadNamespace('orders')]).then(([module]) => module);

export const CartPage = lazyPage(() => withOrders(import('./cart-page.tsx')).then((module) => module.CartPage));
export const CheckoutPage = lazyPage(() => withOrders(import('./checkout-page.tsx')).then((module) => module.CheckoutPage));
export const OrdersPage = lazyPage(() => withOrders(import('./orders-page.tsx')).then((module) => module.OrdersPage));
export const OrderPage = lazyPage(() => withOrders(import('./order-page.tsx')).then((module) => module.OrderPage));
export const SessionPage = lazyPage(() => withOrders(import('./session-page.tsx')).then((module) => module.SessionPage));
