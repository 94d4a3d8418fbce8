// The floor under the app's memory per connection: a Socket.IO server with the app's options and no app code at all.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { serverWireParser } from '../../core/wire-parser.ts';

export async function startBareSocketIo(): Promise<{ url: string; close(): Promise<void> }> {
  const httpServer = http.createServer();
  const io = new Server(httpServer, {
    transports: ['websocket', 'polling'],
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: true },
    parser: serverWireParser,
  });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => io.close(() => resolve())),
  };
}
