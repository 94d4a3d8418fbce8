// Cart, saved addresses and orders over HTTP (for the app and for integrations), plus the admin's stock and status moves.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { SkuParamsSchema, PartDetailSchema, SetStockBodySchema } from '../../../core/catalog.ts';
import { ROLES, type User } from '../../../core/auth.ts';
import { AppError, issuesFromZod } from '../../../core/errors.ts';
import { AddressListSchema, AddressSchema, IdempotencyKeySchema, OrderIdParamsSchema, OrderListQuerySchema, OrderListSchema, OrderResponseSchema, PlaceOrderRequestSchema, PlaceOrderResponseSchema, SavedAddressSchema, SetOrderStatusBodySchema, UsualListSchema } from '../../../core/order.ts';
import { CartItemSchema, CartResponseSchema, SetCartItemBodySchema } from '../../../core/cart.ts';
import type { AppContext } from '../../context.ts';
import type { CartService } from '../../cart/cart-service.ts';
import { deleteAddress, listAddresses, saveAddress } from '../../orders/address-book.ts';
import type { OrderService } from '../../orders/order-service.ts';
import { defineRoute, type RouteInput, type RouteRegistry, type RouteSpec } from '../define-route.ts';

const signedIn = ROLES;
const me = (user: User | null): User => user!;

function idempotencyKeyOf(header: string | string[] | undefined): string {
  const parsed = IdempotencyKeySchema.safeParse(Array.isArray(header) ? header[0] : header);
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error).map((issue) => ({ path: 'headers.Idempotency-Key', message: issue.message }));
    throw new AppError('bad_request', `Invalid headers: Idempotency-Key ${issues.map((issue) => issue.message).join('; ')}`, issues);
  }
  return parsed.data;
}

export function registerOrderRoutes(app: FastifyInstance, ctx: AppContext, registry: RouteRegistry, services: { cart: CartService; orders: OrderService }): void {
  const { cart, orders } = services;
  const db = ctx.store.db;
  const route = <P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
    spec: RouteSpec<P, Q, B, R>,
    handler: (input: RouteInput<z.infer<P>, z.infer<Q>, z.infer<B>>) => Promise<z.infer<R>>,
  ) => defineRoute(app, ctx, registry, spec, handler);

  route({ method: 'GET', path: '/api/cart', tag: 'cart', summary: 'The signed-in user’s cart, priced by the server', response: CartResponseSchema, roles: signedIn }, async ({ user }) => ({
    cart: await cart.get(me(user).id),
  }));

  route(
    { method: 'PUT', path: '/api/cart/items/:sku', tag: 'cart', summary: 'Set the quantity of a part in the cart (0 removes it)', params: SkuParamsSchema, body: SetCartItemBodySchema, response: CartResponseSchema, roles: signedIn, errors: [400, 404] },
    async ({ user, params, body }) => ({ cart: await cart.setItem(me(user).id, params.sku, body.quantity) }),
  );

  route(
    { method: 'POST', path: '/api/cart/items', tag: 'cart', summary: 'Add a quantity of a part to the cart', body: CartItemSchema, response: CartResponseSchema, roles: signedIn, errors: [400, 404] },
    async ({ user, body }) => ({ cart: await cart.addItem(me(user).id, body.sku, body.quantity) }),
  );

  route(
    { method: 'DELETE', path: '/api/cart/items/:sku', tag: 'cart', summary: 'Remove a part from the cart', params: SkuParamsSchema, response: CartResponseSchema, roles: signedIn, errors: [400, 404] },
    async ({ user, params }) => ({ cart: await cart.setItem(me(user).id, params.sku, 0) }),
  );

  route({ method: 'DELETE', path: '/api/cart', tag: 'cart', summary: 'Empty the cart', response: CartResponseSchema, roles: signedIn }, async ({ user }) => ({
    cart: await cart.clear(me(user).id),
  }));

  route({ method: 'GET', path: '/api/addresses', tag: 'orders', summary: 'The signed-in user’s saved delivery addresses, newest first', response: AddressListSchema, roles: signedIn }, async ({ user }) => ({
    addresses: await listAddresses(db, me(user).id),
  }));

  route(
    { method: 'POST', path: '/api/addresses', tag: 'orders', summary: 'Save a delivery address (201; 200 with the saved one when it is already there)', body: AddressSchema, response: z.object({ address: SavedAddressSchema }), roles: signedIn, errors: [400, 409] },
    async ({ user, body, reply }) => {
      const { address, created } = await saveAddress(db, me(user).id, body);
      if (created) void reply.code(201);
      return { address };
    },
  );

  route(
    { method: 'DELETE', path: '/api/addresses/:id', tag: 'orders', summary: 'Delete a saved address', params: z.object({ id: z.string().min(1).max(64) }), response: AddressListSchema, roles: signedIn, errors: [404] },
    async ({ user, params }) => {
      await deleteAddress(db, me(user).id, params.id);
      return { addresses: await listAddresses(db, me(user).id) };
    },
  );

  route(
    {
      method: 'POST',
      path: '/api/orders',
      tag: 'orders',
      summary: 'Place an order: 201 with the new order, or 200 with the same order when the Idempotency-Key was already used for it',
      headers: { 'Idempotency-Key': { description: 'Unique per order (8–128 visible ASCII characters); reuse it only to retry the same order.', required: true } },
      body: PlaceOrderRequestSchema,
      response: PlaceOrderResponseSchema,
      roles: signedIn,
      errors: [400, 404, 409],
    },
    async ({ user, body, request, reply }) => {
      const key = idempotencyKeyOf(request.headers['idempotency-key']);
      const { order, replayed } = await orders.place(me(user), key, body);
      if (!replayed) void reply.code(201);
      return { order, replayed };
    },
  );

  route(
    { method: 'GET', path: '/api/orders', tag: 'orders', summary: 'The signed-in user’s orders, newest first', query: OrderListQuerySchema, response: OrderListSchema, roles: signedIn, errors: [400] },
    async ({ user, query }) => ({ orders: await orders.list(me(user), query.limit) }),
  );

  route(
    { method: 'GET', path: '/api/orders/usual', tag: 'orders', summary: '“The usual”: consumable parts ordered at least twice, with their usual quantity', response: UsualListSchema, roles: signedIn },
    async ({ user }) => ({ items: await orders.usual(me(user)) }),
  );

  route(
    { method: 'POST', path: '/api/orders/reorder-last', tag: 'orders', summary: 'Put the items of the last order into the cart', response: CartResponseSchema.extend({ fromOrder: z.object({ id: z.string(), number: z.string() }) }), roles: signedIn, errors: [404] },
    async ({ user }) => orders.reorderLast(me(user)),
  );

  route(
    { method: 'POST', path: '/api/orders/reorder-usual', tag: 'orders', summary: 'Put “the usual” consumables into the cart', response: CartResponseSchema, roles: signedIn, errors: [404] },
    async ({ user }) => ({ cart: await orders.reorderUsual(me(user)) }),
  );

  route(
    { method: 'GET', path: '/api/orders/:id', tag: 'orders', summary: 'One order, for its owner or an admin', params: OrderIdParamsSchema, response: OrderResponseSchema, roles: signedIn, errors: [400, 404] },
    async ({ user, params }) => ({ order: await orders.get(me(user), params.id) }),
  );

  route(
    { method: 'PATCH', path: '/api/orders/:id', tag: 'orders', summary: 'Move an order’s status (admin); pushed live as order:status to the buyer', params: OrderIdParamsSchema, body: SetOrderStatusBodySchema, response: OrderResponseSchema, roles: ['admin'], errors: [400, 404, 409] },
    async ({ user, params, body }) => ({ order: await orders.setStatus(me(user), params.id, body.status) }),
  );

  route(
    { method: 'PATCH', path: '/api/parts/:sku', tag: 'catalog', summary: 'Set the stock of a part (admin)', params: SkuParamsSchema, body: SetStockBodySchema, response: PartDetailSchema, roles: ['admin'], errors: [400, 404] },
    async ({ params, body }) => orders.setStock(params.sku, body.stock),
  );
}
