// Wires sign-in: the demo accounts, the token secret and service, sign-ins and their back-off, the cached user directory, the routes.
import type { Store } from '../db/database.ts';
import type { RouteTable } from '../http/define-route.ts';
import type { ServerConfig } from '../platform/config.ts';
import type { Identify } from '../platform/context.ts';
import { closeSignInSockets, closeUserSockets } from '../realtime/sign-in-sockets.ts';
import type { IoServer } from '../realtime/socket-types.ts';
import { registerAuthRoutes } from './auth-routes.ts';
import { createLoginThrottle } from './login-throttle.ts';
import { seedDemoUsers } from './seed-demo-users.ts';
import { resolveJwtSecret } from './jwt-secret.ts';
import { createSignIns } from './sign-ins.ts';
import { createTokenService } from './tokens.ts';
import { createUserDirectory } from './user-directory.ts';
import { authenticate } from './user-repository.ts';

export interface Auth {
  /** What HTTP and the socket handshake ask of every bearer token. */
  identify: Identify;
  /** The routes are defined on a table that already identifies with `identify`; signing out closes sockets through `io`. */
  registerRoutes(routes: RouteTable, io: IoServer): void;
  /** An account's sign-ins were removed (it was erased): forget them here and on the other nodes, close every socket. */
  endAccount(io: IoServer, userId: string, signInIds: readonly string[]): void;
}

type AuthConfig = Pick<ServerConfig, 'demo' | 'jwtSecret' | 'accessTokenSeconds' | 'refreshTokenSeconds' | 'loginAttemptsPerMinute' | 'redisUrl'>;

export async function createAuth(store: Store, config: AuthConfig): Promise<Auth> {
  if (config.demo) await seedDemoUsers(store.db);
  const tokens = createTokenService(await resolveJwtSecret(store.db, config.jwtSecret), config.accessTokenSeconds);
  const users = createUserDirectory(store.db);
  const signIns = createSignIns(store, config.refreshTokenSeconds);
  return {
    async identify(token) {
      const claims = await tokens.verify(token);
      if (!claims || !(await signIns.isLive(claims.sid))) return 'invalid';
      const user = await users.byId(claims.sub);
      return user ? { user, signInId: claims.sid } : 'gone';
    },
    endAccount(io, userId, signInIds) {
      for (const signInId of signInIds) {
        signIns.forget(signInId);
        if (config.redisUrl !== undefined) io.serverSideEmit('sign-in:revoked', signInId, userId);
      }
      closeUserSockets(io, userId);
    },
    registerRoutes(routes, io) {
      io.on('sign-in:revoked', (signInId, userId) => {
        signIns.forget(signInId);
        closeSignInSockets(io, userId, signInId);
      });
      registerAuthRoutes(routes, {
        tokens,
        signIns,
        throttle: createLoginThrottle(store),
        users,
        authenticate: (email, password) => authenticate(store.db, email, password),
        attemptsPerMinute: config.loginAttemptsPerMinute,
        refreshSeconds: config.refreshTokenSeconds,
        io,
        manyNodes: config.redisUrl !== undefined,
      });
    },
  };
}
