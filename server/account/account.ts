// Wires "My data": the routes over the service; an erased account's sign-ins and sockets end through sign-in.
import type { Auth } from '../auth/auth.ts';
import type { RouteTable } from '../http/define-route.ts';
import type { AppContext } from '../platform/context.ts';
import type { IoServer } from '../realtime/socket-types.ts';
import { registerAccountRoutes } from './account-routes.ts';
import { createAccountService } from './account-service.ts';

export function createAccount(ctx: AppContext, { routes, io, auth }: { routes: RouteTable; io: IoServer; auth: Auth }): void {
  registerAccountRoutes(routes, createAccountService(ctx.store, ctx.config.clock ?? Date.now), (userId, signInIds) => auth.endAccount(io, userId, signInIds));
}
