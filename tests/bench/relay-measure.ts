// Measures one relay server in a child process: N requester/agent pairs streaming pose at 30 Hz (plus, in a mixed run,
// an annotation every 3 s per pair); latency per message, the server's CPU per relayed message and its memory.
import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { POSE_HZ, encodePoseFrame, type PoseSample } from '../../core/pose-frame.ts';
import type { LoginResponse } from '../../core/auth.ts';
import type { ChildMessage, ChildStats, RelayKind } from './relay-child.ts';
import { connectSocket, connectSocketIoPair, connectWsPair, type LoadHandlers, type LoadPair } from './relay-load.ts';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'relay-child.ts');
const ANNOTATION_EVERY_MS = 3000;
const WARMUP_MS = 2000;
const CONNECT_CONCURRENCY = 10;
const RING = 1 << 17;
const DRAIN_MS = 500;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface RelayBenchOptions {
  /** Requester/agent pairs. @default 200 (or BENCH_PAIRS) */
  pairs?: number;
  /** Length of the measured window. @default 10 (or BENCH_SECONDS) */
  seconds?: number;
  /** Alternating ws / Socket.IO runs; each figure is the median over them, which damps a noisy machine. @default 1 (or BENCH_ROUNDS) */
  rounds?: number;
}

export interface RelayFigures {
  cpuMicrosPerMessage: number;
  p50Ms: number;
  p99Ms: number;
  annotationP99Ms: number;
  /** The slope of heap over the second half of the connections: what one more connection costs at connect. */
  heapBytesPerConnection: number;
  /** That, plus whatever the traffic left held (recovery buffers, caches) spread over every connection. */
  heapBytesPerConnectionAfterTraffic: number;
  /** Everything the server holds after the traffic over every connection, from an empty server (one-time costs included). */
  heapBytesFromEmptyPerConnection: number;
  poseBytesPerSecondPerSession: number;
  delivered: number;
}

const SAMPLE: PoseSample = {
  t: 0,
  head: { position: [0.12, 1.62, -0.35], quaternion: [0.02, 0.38, -0.01, 0.92] },
  left: { position: [-0.21, 1.12, -0.48], quaternion: [0.1, 0.2, 0.3, 0.93] },
  right: { position: [0.24, 1.08, -0.44], quaternion: [0.0, -0.2, 0.1, 0.97] },
};

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

function startChild(kind: RelayKind): Promise<{ child: ChildProcess; url: string; stats(gc: boolean): Promise<ChildStats>; stop(): Promise<void> }> {
  const child = fork(CHILD, [kind], { execArgv: ['--import', 'tsx', '--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = () => new Promise<ChildMessage>((resolve, reject) => {
    child.once('message', (message) => resolve(message as ChildMessage));
    child.once('exit', (code) => reject(new Error(`relay child ${kind} exited with ${code}`)));
  });
  return next().then((ready) => ({
    child,
    url: ready.type === 'ready' ? ready.url : '',
    async stats(gc) {
      const answer = next();
      child.send({ type: 'stats', gc });
      const message = await answer;
      if (message.type !== 'stats') throw new Error('relay child answered out of turn');
      return message;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send({ type: 'stop' });
      }),
  }));
}

async function login(url: string, email: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: 'demo' }) });
  if (!response.ok) throw new Error(`bench login ${email}: ${response.status}`);
  return ((await response.json()) as LoginResponse).token;
}

async function connectPairs(kind: RelayKind, url: string, count: number, handlers: LoadHandlers, firstIndex: number): Promise<LoadPair[]> {
  const tokens = kind === 'socketio' ? { requester: await login(url, 'tech@demo.local'), agent: await login(url, 'agent@demo.local') } : null;
  const pairs: LoadPair[] = [];
  for (let start = 0; start < count; start += CONNECT_CONCURRENCY) {
    const batch = Array.from({ length: Math.min(CONNECT_CONCURRENCY, count - start) }, (_, offset) =>
      tokens ? connectSocketIoPair(url, tokens, handlers) : connectWsPair(url, firstIndex + start + offset, handlers),
    );
    pairs.push(...(await Promise.all(batch)));
  }
  return pairs;
}

/** Sends pose at 30 Hz and an annotation every 3 s per pair, evenly staggered; every message carries a unique counter. */
function startTraffic(pairs: LoadPair[], sentAt: Float64Array, annotations: boolean) {
  const templates = pairs.map((pair) => encodePoseFrame(pair.channel, SAMPLE));
  const period = 1000 / POSE_HZ;
  const started = performance.now();
  const nextPose = pairs.map((_, index) => started + (index / pairs.length) * period);
  const nextAnnotation = pairs.map((_, index) => started + (index / pairs.length) * ANNOTATION_EVERY_MS);
  let counter = 0;
  const stamp = () => {
    counter = (counter + 1) >>> 0;
    sentAt[counter & (RING - 1)] = performance.now();
    return counter;
  };
  const tick = setInterval(() => {
    const now = performance.now();
    pairs.forEach((pair, index) => {
      if ((nextPose[index] as number) <= now) {
        nextPose[index] = (nextPose[index] as number) + period;
        const frame = (templates[index] as Uint8Array).slice();
        new DataView(frame.buffer).setUint32(4, stamp(), true);
        pair.sendPose(frame);
      }
      if (annotations && (nextAnnotation[index] as number) <= now) {
        nextAnnotation[index] = (nextAnnotation[index] as number) + ANNOTATION_EVERY_MS;
        pair.sendAnnotation(stamp());
      }
    });
  }, 2);
  return { lastCounter: () => counter, stop: () => clearInterval(tick) };
}

/** Pose only, or pose with an annotation every 3 s per pair (each written durably before it is relayed). */
export async function measureRelay(kind: RelayKind, pairCount: number, seconds: number, withAnnotations: boolean): Promise<RelayFigures> {
  const server = await startChild(kind);
  const sentAt = new Float64Array(RING);
  const poses: Array<[number, number]> = [];
  const annotations: Array<[number, number]> = [];
  let collecting = false;
  let measuring = false;
  let relayedInWindow = 0;
  const receive = (into: Array<[number, number]>, counter: number) => {
    if (measuring) relayedInWindow += 1;
    if (collecting) into.push([counter, performance.now() - (sentAt[counter & (RING - 1)] as number)]);
  };
  const handlers: LoadHandlers = {
    onPose: (frame) => receive(poses, new DataView(frame.buffer, frame.byteOffset, frame.byteLength).getUint32(4, true)),
    onAnnotation: (id) => receive(annotations, id),
  };

  try {
    const empty = await server.stats(true);
    /** Memory is the slope over the second half, so one-time costs (code, caches, first sign-in) are not billed per connection. */
    const firstHalf = await connectPairs(kind, server.url, Math.ceil(pairCount / 2), handlers, 0);
    const before = await server.stats(true);
    const secondHalf = await connectPairs(kind, server.url, pairCount - firstHalf.length, handlers, firstHalf.length);
    const after = await server.stats(true);
    const pairs = [...firstHalf, ...secondHalf];
    const traffic = startTraffic(pairs, sentAt, withAnnotations);

    await sleep(WARMUP_MS);
    const bytesBefore = pairs.reduce((sum, pair) => sum + pair.requesterBytesWritten(), 0);
    const cpuBefore = await server.stats(false);
    const first = traffic.lastCounter() + 1;
    collecting = measuring = true;
    await sleep(seconds * 1000);
    measuring = false;
    const cpuAfter = await server.stats(false);
    const bytesAfter = pairs.reduce((sum, pair) => sum + pair.requesterBytesWritten(), 0);
    const last = traffic.lastCounter();
    traffic.stop();
    await sleep(DRAIN_MS);
    collecting = false;
    const afterTraffic = await server.stats(true);
    for (const pair of pairs) pair.close();

    const atConnect = (after.heapBytes - before.heapBytes) / (2 * secondHalf.length);
    const inWindow = (samples: Array<[number, number]>) => samples.filter(([counter]) => counter >= first && counter <= last).map(([, latency]) => latency);
    const poseLatencies = inWindow(poses);
    const annotationLatencies = inWindow(annotations);
    return {
      cpuMicrosPerMessage: (cpuAfter.cpuMicros - cpuBefore.cpuMicros) / Math.max(1, relayedInWindow),
      p50Ms: percentile(poseLatencies, 50),
      p99Ms: percentile(poseLatencies, 99),
      annotationP99Ms: percentile(annotationLatencies, 99),
      heapBytesPerConnection: atConnect,
      heapBytesPerConnectionAfterTraffic: atConnect + (afterTraffic.heapBytes - after.heapBytes) / (2 * pairs.length),
      heapBytesFromEmptyPerConnection: (afterTraffic.heapBytes - empty.heapBytes) / (2 * pairs.length),
      poseBytesPerSecondPerSession: (bytesAfter - bytesBefore) / pairCount / seconds,
      delivered: (poseLatencies.length + annotationLatencies.length) / Math.max(1, last - first + 1),
    };
  } finally {
    await server.stop();
  }
}

/** Heap per connection of bare Socket.IO with the app's options, measured as the relays are: the slope over a second half. */
export async function measureSocketIoFloor(connections: number): Promise<number> {
  const server = await startChild('bare-socketio');
  const sockets: Array<{ close(): void }> = [];
  const open = async (count: number) => {
    for (let start = 0; start < count; start += CONNECT_CONCURRENCY) {
      sockets.push(...(await Promise.all(Array.from({ length: Math.min(CONNECT_CONCURRENCY, count - start) }, () => connectSocket(server.url)))));
    }
  };
  try {
    const half = Math.ceil(connections / 2);
    await open(half);
    const before = await server.stats(true);
    await open(connections - half);
    const after = await server.stats(true);
    return (after.heapBytes - before.heapBytes) / (connections - half);
  } finally {
    for (const socket of sockets) socket.close();
    await server.stop();
  }
}

