// Child process of the relay bench: runs one relay server (the app's Socket.IO, or raw ws) and reports its own CPU and memory.
import { startTestServer } from '../support/test-server.ts';
import { startWsRelay } from './ws-relay-baseline.ts';
import { startBareSocketIo } from './bare-socketio.ts';

/** The app, the raw ws relay (with the app's durable write per annotation: `ws-durable`), or bare Socket.IO (memory floor). */
export type RelayKind = 'socketio' | 'ws' | 'ws-durable' | 'bare-socketio';

export interface ChildStats {
  /** User + system CPU of this process since it started, in microseconds. */
  cpuMicros: number;
  /**
   * JS heap in use plus memory held outside it (buffers), after a full GC, in bytes. RSS is not used: V8 returns pages
   * to the OS at its own pace, which swamps a few hundred connections. Kernel and libuv socket memory, the same for both
   * servers, is not in this figure.
   */
  heapBytes: number;
}

export type ChildMessage = { type: 'ready'; url: string } | ({ type: 'stats' } & ChildStats);

const kind = process.argv[2] as RelayKind;
const gc = (globalThis as { gc?: () => void }).gc;
const send = (message: ChildMessage) => process.send?.(message);

async function start(): Promise<{ url: string; close(): Promise<void> }> {
  if (kind === 'ws' || kind === 'ws-durable') return startWsRelay({ durable: kind === 'ws-durable' }).then((relay) => ({ url: `ws://127.0.0.1:${relay.port}`, close: relay.close }));
  if (kind === 'bare-socketio') return startBareSocketIo();
  // Every bench socket comes from this machine's one address: the per-address cap is raised above the ~400 it opens.
  return startTestServer({ logLevel: 'silent', maxSocketsPerAddress: 10_000 }).then((app) => ({ url: app.url, close: app.close }));
}

const server = await start();

/** `gc: true` for memory figures; CPU snapshots skip it so a collection is not billed to the measured window. */
process.on('message', (message: { type: 'stats'; gc: boolean } | { type: 'stop' }) => {
  if (message.type === 'stats') {
    if (message.gc) for (let pass = 0; pass < 3; pass += 1) gc?.();
    const cpu = process.cpuUsage();
    const memory = process.memoryUsage();
    send({ type: 'stats', cpuMicros: cpu.user + cpu.system, heapBytes: memory.heapUsed + memory.external });
  } else {
    void server.close().finally(() => process.exit(0));
  }
});
send({ type: 'ready', url: server.url });
