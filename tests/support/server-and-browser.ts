// One real server and one system Chromium for an e2e test file: started before its tests, closed after them.
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser.ts';
import { startTestServer, type TestServer } from './test-server.ts';

/** Filled in by the `beforeAll` hook, so read it inside hooks and tests, not while the file is collected. */
export interface ServerAndBrowser {
  server: TestServer;
  browser: Browser;
}

export interface ServerAndBrowserOptions {
  /** Starts the server. @default startTestServer() */
  startServer?: () => Promise<TestServer>;
}

/**
 * Registers `beforeAll` / `afterAll` hooks that start the server and launch Chromium side by side, then close both
 * (whichever of them started, should the other fail).
 * @example const e2e = useServerAndBrowser(); … await openPage(e2e.browser, `${e2e.server.url}/`);
 */
export function useServerAndBrowser(options: ServerAndBrowserOptions = {}): ServerAndBrowser {
  const startServer = options.startServer ?? (() => startTestServer());
  const running: Partial<ServerAndBrowser> = {};
  beforeAll(async () => {
    const started = await Promise.allSettled([
      startServer().then((server) => (running.server = server)),
      launchChromium().then((browser) => (running.browser = browser)),
    ]);
    for (const result of started) if (result.status === 'rejected') throw result.reason;
  });
  afterAll(async () => {
    await running.browser?.close();
    await running.server?.close();
  });
  return {
    get server(): TestServer {
      if (!running.server) throw new Error('the test server is not started yet (read it in a hook or test)');
      return running.server;
    },
    get browser(): Browser {
      if (!running.browser) throw new Error('Chromium is not launched yet (read it in a hook or test)');
      return running.browser;
    },
  };
}
