// Only the relay bench's memory at connect, a few rounds in a row to show its spread:
// `node --import tsx tests/bench/relay-memory.ts` (BENCH_PAIRS, BENCH_ROUNDS). Same measurement as relay-bench.ts.
import { measureRelay, measureSocketIoFloor } from './relay-measure.ts';

const pairs = Number(process.env.BENCH_PAIRS ?? 200);
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const kib = (bytes: number) => (bytes / 1024).toFixed(1);

for (let round = 1; round <= rounds; round += 1) {
  const app = await measureRelay('socketio', pairs, 1, false);
  const floor = await measureSocketIoFloor(2 * pairs);
  console.log(`round ${round}: app ${kib(app.heapBytesPerConnection)} KiB, floor ${kib(floor)} KiB, ${(app.heapBytesPerConnection / floor).toFixed(2)}× (goal ≤ 1.3)`);
}
process.exit(0);
