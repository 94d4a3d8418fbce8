// What request and event handlers share: config, the store, the logger, metrics, and who a bearer token belongs to.
import type { Logger } from 'pino';
import type { User } from '../../core/auth.ts';
import type { Store } from '../db/database.ts';
import type { ServerConfig } from './config.ts';
import type { Metrics } from './metrics.ts';

/** The user behind a valid token, and the sign-in it was issued under (what signing out revokes). */
export interface Identity {
  user: User;
  signInId: string;
}

/**
 * Who a bearer token (HTTP `Authorization` or the socket handshake) belongs to: the identity, `invalid` for a missing,
 * expired, revoked, forged or malformed token, or `gone` when the token is valid but its account no longer exists.
 */
export type Identify = (token: string) => Promise<Identity | 'invalid' | 'gone'>;

export interface AppContext {
  config: ServerConfig;
  store: Store;
  log: Logger;
  identify: Identify;
  /** Where layers report what operators count; no-ops unless metrics are enabled. */
  metrics: Metrics;
}
