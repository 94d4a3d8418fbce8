// Wires sign-in: the demo accounts, the token secret and service, the cached user directory, and the auth routes.
import type { Store } from '../db/database.ts';
import type { RouteTable } from '../http/define-route.ts';
import type { ServerConfig } from '../platform/config.ts';
import type { Identify } from '../platform/context.ts';
import { registerAuthRoutes } from './auth-routes.ts';
import { seedDemoUsers } from './seed-demo-users.ts';
import { resolveJwtSecret } from './jwt-secret.ts';
import { createTokenService } from './tokens.ts';
import { createUserDirectory } from './user-directory.ts';

export interface Auth {
  /** What HTTP and the socket handshake ask of every bearer token. */
  identify: Identify;
  /** The routes are defined on a table that already identifies with `identify`. */
  registerRoutes(routes: RouteTable): void;
}

export async function createAuth(store: Store, config: Pick<ServerConfig, 'demo' | 'jwtSecret'>): Promise<Auth> {
  if (config.demo) await seedDemoUsers(store.db);
  const tokens = createTokenService(await resolveJwtSecret(store.db, config.jwtSecret));
  const users = createUserDirectory(store.db);
  return {
    async identify(token) {
      const claims = await tokens.verify(token);
      if (!claims) return 'invalid';
      return (await users.byId(claims.sub)) ?? 'gone';
    },
    registerRoutes: (routes) => registerAuthRoutes(routes, store.db, tokens),
  };
}
