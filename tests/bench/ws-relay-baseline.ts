// The baseline of the relay bench: a minimal raw `ws` server that relays every message between the sockets of a pair.
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';

export interface WsRelay {
  port: number;
  close(): Promise<void>;
}

/** The first message of a socket is `{"pair":"<id>"}`; every later one, text or binary, goes to the other sockets of that pair. */
export async function startWsRelay(port = 0): Promise<WsRelay> {
  const wss = new WebSocketServer({ port, host: '127.0.0.1', perMessageDeflate: false });
  const pairs = new Map<string, Set<WebSocket>>();
  wss.on('connection', (ws) => {
    let pair: Set<WebSocket> | undefined;
    ws.on('message', (data, isBinary) => {
      if (!pair) {
        const id = String((JSON.parse(String(data)) as { pair: string }).pair);
        pair = pairs.get(id) ?? new Set();
        pairs.set(id, pair);
        pair.add(ws);
        return;
      }
      for (const peer of pair) if (peer !== ws && peer.readyState === WebSocket.OPEN) peer.send(data, { binary: isBinary });
    });
    ws.on('close', () => pair?.delete(ws));
  });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  return {
    port: (wss.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }),
  };
}
