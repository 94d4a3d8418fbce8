// Sign-in and "who am I": issues the token used by HTTP and the Socket.IO handshake.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { LoginRequestSchema, LoginResponseSchema, ROLES, UserSchema } from '../../core/auth.ts';
import { AppError } from '../../core/errors.ts';
import type { Database } from '../db/schema.ts';
import type { RouteTable } from '../http/define-route.ts';
import type { TokenService } from './tokens.ts';
import { authenticate } from './user-repository.ts';

export function registerAuthRoutes(routes: RouteTable, db: Kysely<Database>, tokens: TokenService): void {
  routes.define(
    { method: 'POST', path: '/api/auth/login', tag: 'auth', summary: 'Sign in with e-mail and password; returns a bearer token', body: LoginRequestSchema, response: LoginResponseSchema, errors: [400, 401] },
    async ({ body }) => {
      const user = await authenticate(db, body.email, body.password);
      if (!user) throw new AppError('unauthorized', 'The e-mail or password is not right.');
      return { token: await tokens.sign({ sub: user.id, role: user.role }), user };
    },
  );

  routes.define(
    { method: 'GET', path: '/api/auth/me', tag: 'auth', summary: 'The signed-in user', response: z.object({ user: UserSchema }), roles: ROLES, errors: [401] },
    async ({ user }) => ({ user: user! }),
  );
}
