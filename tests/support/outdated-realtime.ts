// A proxy on the page's realtime WebSocket that, once `outdated()` says so, rewrites the handshake to an older protocol
// version — what the server sees from a page loaded before it was updated.
import type { BrowserContext } from 'playwright-core';

export async function routeRealtime(context: BrowserContext, outdated: () => boolean): Promise<void> {
  await context.routeWebSocket(/\/socket\.io\//, (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const handshake = typeof message === 'string' && message.startsWith('40');
      server.send(handshake && outdated() ? message.replace(/"protocolVersion":\d+/, '"protocolVersion":0') : message);
    });
  });
}
