// Failover bench: technician on node A through the proxy, agent on node B; A is killed (SIGKILL) and the time until the
// technician's next acknowledged event, on B, is measured. Needs Postgres and Redis (as the multi-node tests).
import { helpedAcrossNodes, ok } from '../server/assist-support.ts';
import { startTestCluster } from '../support/cluster.ts';
import { probePostgres } from '../support/postgres.ts';
import { probeRedis } from '../support/redis.ts';
import { benchResult, failedResult, type BenchResult } from './bench-types.ts';

export async function runFailoverBench(): Promise<BenchResult[]> {
  const [postgres, redis] = await Promise.all([probePostgres(), probeRedis()]);
  if (!postgres.reachable || !redis.reachable) return [failedResult('failover.time_to_next_ack', 'ms', null, 'Postgres or Redis is not reachable')];
  const cluster = await startTestCluster(2);
  try {
    const { nodeA, tech, agent, sessionId } = await helpedAcrossNodes(cluster);
    await ok(tech.socket, 'chat:send', { sessionId, text: 'before' });

    const killedAt = performance.now();
    nodeA.child.kill('SIGKILL');
    let attempt = 0;
    for (;;) {
      attempt += 1;
      const answer = (await tech.socket.timeout(1000).emitWithAck('chat:send', { sessionId, text: 'after', clientId: 'failover-after' }).catch(() => null)) as { ok: boolean } | null;
      if (answer?.ok) break;
      if (!tech.socket.connected) await new Promise((resolve) => tech.socket.io.once('reconnect', resolve));
    }
    const elapsed = performance.now() - killedAt;
    tech.socket.close();
    agent.socket.close();
    return [benchResult('failover.time_to_next_ack', Math.round(elapsed), 'ms'), benchResult('failover.attempts', attempt, 'tries')];
  } finally {
    await cluster.close();
  }
}
