// The Metrics interface on prom-client: counters and histograms updated as things happen, gauges read at scrape time.
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { GaugeName, Metrics } from './metrics.ts';

const GAUGE_HELP: Record<GaugeName, string> = {
  connections: 'Sockets open on this node',
  write_queue: 'Writes waiting for their commit (SQLite group commit) or running (Postgres)',
  help_queue: 'Help requests waiting for an agent',
  events_in_flight: 'Client events whose handler is running',
};

export function createPrometheusMetrics(): Metrics & { registry: Registry } {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'xr_assist_process_' });
  const events = new Counter({ name: 'xr_assist_events_total', help: 'Client events received, by event name', labelNames: ['event'], registers: [registry] });
  const acks = new Counter({ name: 'xr_assist_acks_total', help: 'Acks sent, by outcome (ok or the error code)', labelNames: ['outcome'], registers: [registry] });
  const batch = new Histogram({ name: 'xr_assist_commit_batch_size', help: 'Writes sharing one commit', buckets: [1, 2, 4, 8, 16, 32, 64], registers: [registry] });
  const commit = new Histogram({
    name: 'xr_assist_commit_seconds',
    help: 'From the start of a commit until it is on disk (SQLite: including the WAL sync)',
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1],
    registers: [registry],
  });
  const orders = new Counter({ name: 'xr_assist_orders_total', help: 'Order placements, by outcome (placed, replayed, or the error code)', labelNames: ['outcome'], registers: [registry] });
  return {
    registry,
    event: (name) => events.inc({ event: name }),
    ack: (outcome) => acks.inc({ outcome }),
    commit(size, seconds) {
      batch.observe(size);
      commit.observe(seconds);
    },
    order: (outcome) => orders.inc({ outcome }),
    gauge(name, read) {
      new Gauge({
        name: `xr_assist_${name}`,
        help: GAUGE_HELP[name],
        registers: [registry],
        async collect() {
          this.set(await read());
        },
      });
    },
  };
}
