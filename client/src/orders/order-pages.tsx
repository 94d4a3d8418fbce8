// The ordering pages, loaded on demand so the catalog and product pages a visitor sees first stay small.
import { lazy, Suspense, type ComponentType } from 'react';
import { Loading } from '../components/status-views.tsx';

function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const Page = lazy(async () => ({ default: await load() }));
  return function LazyPage(props: P) {
    return (
      <Suspense fallback={<Loading />}>
        <Page {...props} />
      </Suspense>
    );
  };
}

export const CartPage = lazyPage(() => import('./cart-page.tsx').then((module) => module.CartPage));
export const CheckoutPage = lazyPage(() => import('./checkout-page.tsx').then((module) => module.CheckoutPage));
export const OrdersPage = lazyPage(() => import('./orders-page.tsx').then((module) => module.OrdersPage));
export const OrderPage = lazyPage(() => import('./order-page.tsx').then((module) => module.OrderPage));
export const SessionPage = lazyPage(() => import('./session-page.tsx').then((module) => module.SessionPage));
