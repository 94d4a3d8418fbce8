// Saved addresses and orders over HTTP (for the app and for integrations), reorders, and the admin's status moves.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { ROLES } from '../../core/auth.ts';
import { AppError, issuesFromZod } from '../../core/errors.ts';
import { AddressListSchema, AddressSchema, AdminOrderListQuerySchema, AdminOrderListSchema, IdempotencyKeySchema, OrderIdParamsSchema, OrderListQuerySchema, OrderListSchema, OrderResponseSchema, PlaceOrderRequestSchema, PlaceOrderResponseSchema, SavedAddressSchema, SetOrderStatusBodySchema, UsualListSchema, UsualQuerySchema } from '../../core/order.ts';
import { CartResponseSchema } from '../../core/cart.ts';
import type { Database } from '../db/schema.ts';
import type { RouteTable } from '../http/define-route.ts';
import { requireUser } from '../platform/signed-in.ts';
import { deleteAddress, listAddresses, saveAddress } from './address-book.ts';
import type { OrderService } from './order-service.ts';
import { listAllOrders } from './order-repository.ts';

const signedIn = ROLES;

function idempotencyKeyOf(header: string | string[] | undefined): string {
  const parsed = IdempotencyKeySchema.safeParse(Array.isArray(header) ? header[0] : header);
  if (!parsed.success) {
    const issues = issuesFromZod(parsed.error).map((issue) => ({ path: 'headers.Idempotency-Key', message: issue.message }));
    throw new AppError('bad_request', `Invalid headers: Idempotency-Key ${issues.map((issue) => issue.message).join('; ')}`, issues);
  }
  return parsed.data;
}

export function registerOrderRoutes(routes: RouteTable, db: Kysely<Database>, orders: OrderService): void {
  routes.define({ method: 'GET', path: '/api/addresses', operationId: 'listAddresses', tag: 'orders', summary: 'The signed-in user’s saved delivery addresses, newest first', response: AddressListSchema, roles: signedIn }, async ({ user }) => ({
    addresses: await listAddresses(db, requireUser(user).id),
  }));

  routes.define(
    { method: 'POST', path: '/api/addresses', operationId: 'saveAddress', tag: 'orders', summary: 'Save a delivery address (201; 200 with the saved one when it is already there)', body: AddressSchema, response: z.object({ address: SavedAddressSchema }), roles: signedIn, errors: [400, 409] },
    async ({ user, body, reply }) => {
      const { address, created } = await saveAddress(db, requireUser(user).id, body);
      if (created) void reply.code(201);
      return { address };
    },
  );

  routes.define(
    { method: 'DELETE', path: '/api/addresses/:id', operationId: 'deleteAddress', tag: 'orders', summary: 'Delete a saved address', params: z.object({ id: z.string().min(1).max(64) }), response: AddressListSchema, roles: signedIn, errors: [404] },
    async ({ user, params }) => {
      await deleteAddress(db, requireUser(user).id, params.id);
      return { addresses: await listAddresses(db, requireUser(user).id) };
    },
  );

  routes.define(
    {
      method: 'POST',
      path: '/api/orders',
      operationId: 'placeOrder',
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
      const { order, replayed } = await orders.place(requireUser(user), key, body);
      if (!replayed) void reply.code(201);
      return { order, replayed };
    },
  );

  routes.define(
    { method: 'GET', path: '/api/orders', operationId: 'listOrders', tag: 'orders', summary: 'The signed-in user’s orders, newest first', query: OrderListQuerySchema, response: OrderListSchema, roles: signedIn, errors: [400] },
    async ({ user, query }) => ({ orders: await orders.list(requireUser(user), query.limit) }),
  );

  routes.define(
    {
      method: 'GET',
      path: '/api/orders/usual',
      operationId: 'listUsualParts',
      tag: 'orders',
      summary: '“The usual”: consumables ordered in at least two orders, with the usual quantity, the last order’s quantity and address, and the current price and stock; with guideId, only the parts of that guide’s product',
      query: UsualQuerySchema,
      response: UsualListSchema,
      roles: signedIn,
      errors: [400, 404],
    },
    async ({ user, query }) => ({ items: await orders.usual(requireUser(user), query.guideId) }),
  );

  routes.define(
    { method: 'POST', path: '/api/orders/reorder-last', operationId: 'reorderLast', tag: 'orders', summary: 'Put the items of the last order into the cart', response: CartResponseSchema.extend({ fromOrder: z.object({ id: z.string(), number: z.string() }) }), roles: signedIn, errors: [404] },
    async ({ user }) => orders.reorderLast(requireUser(user)),
  );

  routes.define(
    { method: 'POST', path: '/api/orders/reorder-usual', operationId: 'reorderUsual', tag: 'orders', summary: 'Put “the usual” consumables into the cart', response: CartResponseSchema, roles: signedIn, errors: [404] },
    async ({ user }) => ({ cart: await orders.reorderUsual(requireUser(user)) }),
  );

  routes.define(
    { method: 'GET', path: '/api/admin/orders', operationId: 'listAllOrders', tag: 'orders', summary: 'Everyone’s orders, newest first, optionally of one status, with who placed each (admin)', query: AdminOrderListQuerySchema, response: AdminOrderListSchema, roles: ['admin'], errors: [400] },
    async ({ query }) => ({ orders: await listAllOrders(db, query.status, query.limit) }),
  );

  routes.define(
    { method: 'GET', path: '/api/orders/:id', operationId: 'getOrder', tag: 'orders', summary: 'One order, for its owner or an admin', params: OrderIdParamsSchema, response: OrderResponseSchema, roles: signedIn, errors: [400, 404] },
    async ({ user, params }) => ({ order: await orders.get(requireUser(user), params.id) }),
  );

  routes.define(
    { method: 'PATCH', path: '/api/orders/:id', operationId: 'setOrderStatus', tag: 'orders', summary: 'Move an order’s status (admin); pushed live as order:status to the buyer', params: OrderIdParamsSchema, body: SetOrderStatusBodySchema, response: OrderResponseSchema, roles: ['admin'], errors: [400, 404, 409] },
    async ({ user, params, body }) => ({ order: await orders.setStatus(requireUser(user), params.id, body.status) }),
  );
}
