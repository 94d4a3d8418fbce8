// Relay bench: the app's Socket.IO relay against its like-for-like baselines, each figure beside its baseline of the same run.
// Pose only against a raw ws relay; pose + annotations for two minutes against a raw ws relay that makes the same
// durable SQLite write per annotation; memory per connection against bare Socket.IO with the app's options.
import { benchResult, type BenchResult } from './bench-types.ts';
import { measureRelay, measureSocketIoFloor, type RelayFigures } from './relay-measure.ts';

export interface RelayBenchOptions {
  /** Requester/agent pairs. @default 200 (or BENCH_PAIRS) */
  pairs?: number;
  /** Measured window of the pose-only run, in seconds. @default 10 (or BENCH_SECONDS) */
  seconds?: number;
  /** Measured window of the mixed run; memory after traffic is read at its end. @default 120 (or BENCH_TRAFFIC_SECONDS) */
  trafficSeconds?: number;
  /** Alternating baseline / app runs; each figure is the median over them, which damps a noisy machine. @default 1 (or BENCH_ROUNDS) */
  rounds?: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

function medianFigures(runs: RelayFigures[]): RelayFigures {
  const keys = Object.keys(runs[0] as RelayFigures) as Array<keyof RelayFigures>;
  return Object.fromEntries(keys.map((key) => [key, median(runs.map((run) => run[key]))])) as unknown as RelayFigures;
}

async function alternate(rounds: number, baseline: () => Promise<RelayFigures>, app: () => Promise<RelayFigures>): Promise<{ base: RelayFigures; app: RelayFigures }> {
  const baseRuns: RelayFigures[] = [];
  const appRuns: RelayFigures[] = [];
  for (let round = 0; round < rounds; round += 1) {
    baseRuns.push(await baseline());
    appRuns.push(await app());
  }
  return { base: medianFigures(baseRuns), app: medianFigures(appRuns) };
}

export async function runRelayBench(options: RelayBenchOptions = {}): Promise<BenchResult[]> {
  const bounded = (value: number, min: number, max: number) => Math.min(max, Math.max(min, Math.round(value) || min));
  const pairs = bounded(options.pairs ?? Number(process.env.BENCH_PAIRS ?? 200), 1, 1000);
  const seconds = bounded(options.seconds ?? Number(process.env.BENCH_SECONDS ?? 10), 1, 120);
  const trafficSeconds = bounded(options.trafficSeconds ?? Number(process.env.BENCH_TRAFFIC_SECONDS ?? 120), 1, 600);
  const rounds = bounded(options.rounds ?? Number(process.env.BENCH_ROUNDS ?? 1), 1, 5);

  const pose = await alternate(rounds, () => measureRelay('ws', pairs, seconds, false), () => measureRelay('socketio', pairs, seconds, false));
  const mixed = await alternate(rounds, () => measureRelay('ws-durable', pairs, trafficSeconds, true), () => measureRelay('socketio', pairs, trafficSeconds, true));
  const floor = await measureSocketIoFloor(2 * pairs);
  const round = (value: number, digits = 2) => Number(value.toFixed(digits));
  const kib = (bytes: number) => round(bytes / 1024, 1);
  const p = pose.app;
  const ws = pose.base;
  const m = mixed.app;
  const wsd = mixed.base;
  return [
    benchResult('relay.pose_cpu_per_frame_vs_ws', round(p.cpuMicrosPerMessage / ws.cpuMicrosPerMessage), '×', '≤ 1.3'),
    benchResult('relay.pose_cpu_per_frame', round(p.cpuMicrosPerMessage, 1), 'µs'),
    benchResult('relay.ws_pose_cpu_per_frame', round(ws.cpuMicrosPerMessage, 1), 'µs'),
    benchResult('relay.pose_p99', round(p.p99Ms), 'ms', `≤ ${round(ws.p99Ms + 5)}`),
    benchResult('relay.ws_pose_p99', round(ws.p99Ms), 'ms'),
    benchResult('relay.pose_p50', round(p.p50Ms), 'ms'),
    benchResult('relay.ws_pose_p50', round(ws.p50Ms), 'ms'),
    benchResult('relay.mixed_cpu_per_message_vs_durable_ws', round(m.cpuMicrosPerMessage / wsd.cpuMicrosPerMessage), '×', '≤ 1.5'),
    benchResult('relay.mixed_cpu_per_message', round(m.cpuMicrosPerMessage, 1), 'µs'),
    benchResult('relay.durable_ws_cpu_per_message', round(wsd.cpuMicrosPerMessage, 1), 'µs'),
    benchResult('relay.mixed_pose_p99', round(m.p99Ms), 'ms', `≤ ${round(wsd.p99Ms + 5)}`),
    benchResult('relay.durable_ws_pose_p99', round(wsd.p99Ms), 'ms'),
    benchResult('relay.annotation_p99', round(m.annotationP99Ms), 'ms', '≤ 25'),
    benchResult('relay.durable_ws_annotation_p99', round(wsd.annotationP99Ms), 'ms'),
    benchResult('relay.memory_per_connection_vs_socketio', round(p.heapBytesPerConnection / floor), '×', '≤ 1.3'),
    benchResult('relay.memory_per_connection', kib(p.heapBytesPerConnection), 'KiB'),
    benchResult('relay.socketio_floor_memory_per_connection', kib(floor), 'KiB'),
    benchResult('relay.memory_after_traffic_vs_socketio', round(m.heapBytesPerConnectionAfterTraffic / floor), '×', '≤ 1.6'),
    benchResult('relay.memory_per_connection_after_traffic', kib(m.heapBytesPerConnectionAfterTraffic), 'KiB'),
    benchResult('relay.memory_from_empty_after_traffic', kib(m.heapBytesFromEmptyPerConnection), 'KiB'),
    benchResult('relay.ws_memory_per_connection', kib(ws.heapBytesPerConnection), 'KiB'),
    benchResult('relay.durable_ws_memory_per_connection_after_traffic', kib(wsd.heapBytesPerConnectionAfterTraffic), 'KiB'),
    benchResult('relay.pose_bytes_per_session', Math.round(p.poseBytesPerSecondPerSession), 'B/s', '≤ 2048'),
    benchResult('relay.delivered', round(m.delivered, 3), 'ratio'),
    benchResult('relay.durable_ws_delivered', round(wsd.delivered, 3), 'ratio'),
    benchResult('relay.traffic_seconds', trafficSeconds, 's'),
    benchResult('relay.pairs', pairs, 'pairs'),
  ];
}
