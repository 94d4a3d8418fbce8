// `npm run start:cluster`: N nodes on one machine against the Postgres and Redis it is given, behind the small TCP proxy.
// NODES (default 2), PORT for the proxy (default 3000), DATABASE_URL and REDIS_URL required; every other setting is
// passed to each node as is. The nodes listen on 127.0.0.1 at PORT+1…PORT+N.
import { spawnNode, type NodeProcess } from './spawn-node.ts';
import { startTcpProxy } from './tcp-proxy.ts';

const count = Number(process.env.NODES ?? 2);
const port = Number(process.env.PORT ?? 3000);
if (!process.env.DATABASE_URL || !process.env.REDIS_URL) {
  console.error('start:cluster needs DATABASE_URL (Postgres) and REDIS_URL: the nodes share them.');
  process.exit(1);
}

const nodes: NodeProcess[] = [];
for (let index = 1; index <= count; index += 1) {
  nodes.push(await spawnNode({ PORT: String(port + index), HOST: '127.0.0.1', TRUST_PROXY: '0' }));
  console.log(`node ${index} at ${nodes.at(-1)?.url}`);
}
const proxy = await startTcpProxy({ port, host: process.env.HOST ?? '0.0.0.0', backends: nodes.map((node) => ({ host: '127.0.0.1', port: node.port })) });
console.log(`XR Assist cluster of ${count} nodes at http://localhost:${proxy.port}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const node of nodes) node.child.kill('SIGTERM');
    void Promise.all(nodes.map((node) => node.exited)).then(() => proxy.close()).then(() => process.exit(0));
  });
}
