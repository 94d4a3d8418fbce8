// A real server for the enclosing `describe` (or file), started before its tests with some settings and closed after them.
import { afterAll, beforeAll } from 'vitest';
import type { ServerConfig } from '../../server/platform/config.ts';
import { startTestServer, type TestServer } from './test-server.ts';

/** @example const live = useTestServer({ accessTokenSeconds: 1 }); … fetch(`${live.server.url}/api/health`) */
export function useTestServer(overrides: Partial<ServerConfig> = {}): { readonly server: TestServer } {
  let running: TestServer | undefined;
  beforeAll(async () => {
    running = await startTestServer(overrides);
  });
  afterAll(async () => {
    await running?.close();
  });
  return {
    get server(): TestServer {
      if (!running) throw new Error('the test server is not started yet (read it in a hook or test)');
      return running;
    },
  };
}
