// Sign-in and "who am I": issues the token used by HTTP and the Socket.IO handshake.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { LoginRequestSchema, LoginResponseSchema, ROLES, UserSchema } from '../../../core/auth.ts';
import { AppError } from '../../../core/errors.ts';
import type { AppContext } from '../../context.ts';
import { authenticate } from '../../auth/users.ts';
import { defineRoute, type RouteRegistry } from '../define-route.ts';

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext, registry: RouteRegistry): void {
  defineRoute(
    app,
    ctx,
    registry,
    { method: 'POST', path: '/api/auth/login', tag: 'auth', summary: 'Sign in with e-mail and password; returns a bearer token', body: LoginRequestSchema, response: LoginResponseSchema, errors: [400, 401] },
    async ({ body }) => {
      const user = await authenticate(ctx.store.db, body.email, body.password);
      if (!user) throw new AppError('unauthorized', 'The e-mail or password is not right.');
      return { token: await ctx.tokens.sign({ sub: user.id, role: user.role }), user };
    },
  );

  defineRoute(
    app,
    ctx,
    registry,
    { method: 'GET', path: '/api/auth/me', tag: 'auth', summary: 'The signed-in user', response: z.object({ user: UserSchema }), roles: ROLES, errors: [401] },
    async ({ user }) => ({ user: user! }),
  );
}
