// UUIDv7 ids (time-ordered, so they append to indexes) with their random bits drawn from a pooled buffer.
import { randomFillSync } from 'node:crypto';
import { v7 } from 'uuid';

/** Random bytes for 256 ids per refill; uuid asks the system for 16 bytes on every id, which cost more than an order's insert. */
const pool = new Uint8Array(4096);
let offset = pool.length;

let lastMs = -Infinity;
let sequence = 0;

/** Monotonic within this process as uuid's own v7: a new millisecond starts a random sequence, the same one counts up. */
export function timeOrderedId(): string {
  if (offset === pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const random = pool.subarray(offset, offset + 16);
  offset += 16;
  const now = Date.now();
  if (now > lastMs) {
    sequence = (((random[6] ?? 0) & 0x7f) << 24) | ((random[7] ?? 0) << 16) | ((random[8] ?? 0) << 8) | (random[9] ?? 0);
    lastMs = now;
  } else {
    sequence = (sequence + 1) | 0;
    if (sequence === 0) lastMs += 1;
  }
  return v7({ msecs: lastMs, seq: sequence, random });
}
