// What request and event handlers share: config, the store, the logger, and who a bearer token belongs to.
import type { Logger } from 'pino';
import type { User } from '../../core/auth.ts';
import type { Store } from '../db/database.ts';
import type { ServerConfig } from './config.ts';

/**
 * Who a bearer token (HTTP `Authorization` or the socket handshake) belongs to: the user, `invalid` for a missing,
 * expired, forged or malformed token, or `gone` when the token is valid but its account no longer exists.
 */
export type Identify = (token: string) => Promise<User | 'invalid' | 'gone'>;

export interface AppContext {
  config: ServerConfig;
  store: Store;
  log: Logger;
  identify: Identify;
}
