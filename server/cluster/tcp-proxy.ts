// A small TCP proxy standing in for a load balancer: each client connection goes to the next node that accepts it.
// Layer 4 only: a websocket stays on the node it reached for its whole life; a node that refuses is skipped.
import net from 'node:net';

export interface Backend {
  host: string;
  port: number;
}

export interface TcpProxy {
  port: number;
  /** Replaces the nodes new connections are spread over (open connections stay where they are). */
  setBackends(backends: readonly Backend[]): void;
  close(): Promise<void>;
}

export async function startTcpProxy(options: { port?: number; host?: string; backends: readonly Backend[] }): Promise<TcpProxy> {
  let backends = [...options.backends];
  let next = 0;
  const open = new Set<net.Socket>();

  /** Tries each node once, starting with the next in turn; the client is dropped when none accepts. */
  const route = (client: net.Socket) => {
    client.pause();
    open.add(client);
    client.once('close', () => open.delete(client));
    const tries = backends.length;
    const attempt = (left: number) => {
      const backend = backends[next++ % Math.max(1, backends.length)];
      if (!backend || left === 0 || client.destroyed) return client.destroy();
      const upstream = net.connect(backend.port, backend.host);
      upstream.once('error', () => {
        if (upstream.bytesRead === 0 && upstream.bytesWritten === 0) attempt(left - 1);
        else client.destroy();
      });
      upstream.once('connect', () => {
        open.add(upstream);
        upstream.once('close', () => open.delete(upstream));
        upstream.on('error', () => client.destroy());
        client.on('error', () => upstream.destroy());
        upstream.once('close', () => client.destroy());
        client.once('close', () => upstream.destroy());
        client.pipe(upstream).pipe(client);
        client.resume();
      });
    };
    attempt(tries);
  };

  const server = net.createServer(route);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    setBackends(list) {
      backends = [...list];
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
