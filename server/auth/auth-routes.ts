// Sign-in, renewal and sign-out over HTTP: short-lived bearer tokens, renewed through the sign-in's httpOnly cookie.
import { z } from 'zod';
import { LoginRequestSchema, LoginResponseSchema, ROLES, UserSchema, type LoginResponse, type User } from '../../core/auth.ts';
import { AppError } from '../../core/errors.ts';
import { waitInWords, type RouteTable } from '../http/define-route.ts';
import { closeSignInSockets } from '../realtime/sign-in-sockets.ts';
import type { IoServer } from '../realtime/socket-types.ts';
import type { LoginThrottle } from './login-throttle.ts';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie.ts';
import type { SignIns } from './sign-ins.ts';
import type { TokenService } from './tokens.ts';
import type { UserDirectory } from './user-directory.ts';

export interface AuthRouteDeps {
  tokens: TokenService;
  signIns: SignIns;
  throttle: LoginThrottle;
  users: UserDirectory;
  authenticate(email: string, password: string): Promise<User | null>;
  /** Sign-in attempts per address and minute. */
  attemptsPerMinute: number;
  refreshSeconds: number;
  /** Signing out closes the sign-in's open sockets on this node. */
  io: IoServer;
  /** Several nodes share the sign-ins (Redis adapter): tell the others of a sign-out, and they close theirs. */
  manyNodes: boolean;
}

export function registerAuthRoutes(routes: RouteTable, deps: AuthRouteDeps): void {
  const { tokens, signIns, throttle, users } = deps;
  const answer = async (user: User, signInId: string): Promise<LoginResponse> => ({
    token: await tokens.sign({ sub: user.id, role: user.role, sid: signInId }),
    expiresIn: tokens.lifetimeSeconds,
    user,
  });

  routes.define(
    {
      method: 'POST',
      path: '/api/auth/login',
      operationId: 'signIn',
      tag: 'auth',
      summary: 'Sign in with e-mail and password: a short-lived bearer token, and an httpOnly cookie that renews it. After a few misses an account waits, twice as long each time (429 with Retry-After)',
      body: LoginRequestSchema,
      response: LoginResponseSchema,
      errors: [400, 401],
      rateLimit: { max: deps.attemptsPerMinute, windowMs: 60_000 },
    },
    async ({ body, request, reply }) => {
      const wait = await throttle.attempt(body.email);
      if (wait !== null) {
        void reply.header('retry-after', String(wait));
        throw new AppError('rate_limited', `Too many sign-in attempts for this account. Wait ${waitInWords(wait)} and try again.`);
      }
      const user = await deps.authenticate(body.email, body.password);
      if (!user) throw new AppError('unauthorized', 'The e-mail or password is not right.');
      await throttle.succeeded(body.email);
      const { signInId, refresh } = await signIns.start(user.id);
      setRefreshCookie(request, reply, refresh, deps.refreshSeconds);
      return answer(user, signInId);
    },
  );

  routes.define(
    {
      method: 'POST',
      path: '/api/auth/refresh',
      operationId: 'renewSignIn',
      tag: 'auth',
      summary: 'A new bearer token for the sign-in behind the refresh cookie (which is rotated); browsers call it before the token expires',
      credentials: ['refreshCookie'],
      response: LoginResponseSchema,
      rateLimit: { max: deps.attemptsPerMinute * 4, windowMs: 60_000 },
    },
    async ({ request, reply }) => {
      const cookie = readRefreshCookie(request);
      const renewed = cookie ? await signIns.renew(cookie) : null;
      const user = renewed ? await users.byId(renewed.userId) : null;
      if (!renewed || !user) {
        clearRefreshCookie(reply);
        throw new AppError('unauthorized', 'Your sign-in has ended. Please sign in again.');
      }
      if (renewed.refresh) setRefreshCookie(request, reply, renewed.refresh, deps.refreshSeconds);
      return answer(user, renewed.signInId);
    },
  );

  routes.define(
    {
      method: 'POST',
      path: '/api/auth/logout',
      operationId: 'signOut',
      tag: 'auth',
      summary: 'Sign out: the sign-in of the bearer token (or of the refresh cookie) is revoked, with every token it issued and its open sockets',
      credentials: ['bearer', 'refreshCookie'],
      response: z.undefined(),
      status: 204,
    },
    async ({ user, signInId, request, reply }) => {
      const cookie = readRefreshCookie(request);
      const revoked = user && signInId ? { signInId, userId: user.id } : cookie ? await signIns.identify(cookie) : null;
      clearRefreshCookie(reply);
      if (revoked) {
        await signIns.revoke(revoked.signInId);
        if (deps.manyNodes) deps.io.serverSideEmit('sign-in:revoked', revoked.signInId, revoked.userId);
        closeSignInSockets(deps.io, revoked.userId, revoked.signInId);
      }
      return undefined;
    },
  );

  routes.define(
    { method: 'GET', path: '/api/auth/me', operationId: 'getCurrentUser', tag: 'auth', summary: 'The signed-in user', response: z.object({ user: UserSchema }), roles: ROLES },
    async ({ user }) => ({ user: user! }),
  );
}
