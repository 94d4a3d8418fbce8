// The ordering pages, loaded on demand so the catalog and product pages a visitor sees first stay small.
import { lazyPage } from '../components/lazy-page.tsx';

export const CartPage = lazyPage(() => import('./cart-page.tsx').then((module) => module.CartPage));
export const CheckoutPage = lazyPage(() => import('./checkout-page.tsx').then((module) => module.CheckoutPage));
export const OrdersPage = lazyPage(() => import('./orders-page.tsx').then((module) => module.OrdersPage));
export const OrderPage = lazyPage(() => import('./order-page.tsx').then((module) => module.OrderPage));
export const SessionPage = lazyPage(() => import('./session-page.tsx').then((module) => module.SessionPage));
