// What request and event handlers share: the store, the token service, the user directory, config and the logger.
import type { Logger } from 'pino';
import type { ServerConfig } from './config.ts';
import type { Store } from './db/database.ts';
import type { TokenService } from './auth/tokens.ts';
import type { UserDirectory } from './auth/user-directory.ts';

export interface AppContext {
  config: ServerConfig;
  store: Store;
  tokens: TokenService;
  users: UserDirectory;
  log: Logger;
}
