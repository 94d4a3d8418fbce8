// The signed-in user's cart over HTTP, priced by the server; every change is pushed to their sockets too.
import { ROLES } from '../../core/auth.ts';
import { SkuParamsSchema } from '../../core/catalog.ts';
import { CartItemSchema, CartResponseSchema, SetCartItemBodySchema } from '../../core/cart.ts';
import type { RouteTable } from '../http/define-route.ts';
import { requireUser } from '../platform/signed-in.ts';
import type { CartService } from './cart-service.ts';

const signedIn = ROLES;

export function registerCartRoutes(routes: RouteTable, cart: CartService): void {
  routes.define({ method: 'GET', path: '/api/cart', operationId: 'getCart', tag: 'cart', summary: 'The signed-in user’s cart, priced by the server', response: CartResponseSchema, roles: signedIn }, async ({ user }) => ({
    cart: await cart.get(requireUser(user).id),
  }));

  routes.define(
    { method: 'PUT', path: '/api/cart/items/:sku', operationId: 'setCartItem', tag: 'cart', summary: 'Set the quantity of a part in the cart (0 removes it)', params: SkuParamsSchema, body: SetCartItemBodySchema, response: CartResponseSchema, roles: signedIn, errors: [400, 404] },
    async ({ user, params, body }) => ({ cart: await cart.setItem(requireUser(user).id, params.sku, body.quantity) }),
  );

  routes.define(
    { method: 'POST', path: '/api/cart/items', operationId: 'addCartItem', tag: 'cart', summary: 'Add a quantity of a part to the cart', body: CartItemSchema, response: CartResponseSchema, roles: signedIn, errors: [400, 404] },
    async ({ user, body }) => ({ cart: await cart.addItem(requireUser(user).id, body.sku, body.quantity) }),
  );

  routes.define(
    { method: 'DELETE', path: '/api/cart/items/:sku', operationId: 'removeCartItem', tag: 'cart', summary: 'Remove a part from the cart', params: SkuParamsSchema, response: CartResponseSchema, roles: signedIn, errors: [400, 404] },
    async ({ user, params }) => ({ cart: await cart.setItem(requireUser(user).id, params.sku, 0) }),
  );

  routes.define({ method: 'DELETE', path: '/api/cart', operationId: 'clearCart', tag: 'cart', summary: 'Empty the cart', response: CartResponseSchema, roles: signedIn }, async ({ user }) => ({
    cart: await cart.clear(requireUser(user).id),
  }));
}
