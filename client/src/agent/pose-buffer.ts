// The requester's latest pose sample for one session, written by the socket handler and read by the twin each frame.
import type { PoseSample } from '../../../core/pose-frame.ts';

export interface PoseBuffer {
  latest: PoseSample | null;
  /** performance.now() when the latest sample arrived. */
  receivedAt: number;
  received: number;
  push(sample: PoseSample): void;
}

export function createPoseBuffer(): PoseBuffer {
  return {
    latest: null,
    receivedAt: 0,
    received: 0,
    push(sample) {
      this.latest = sample;
      this.receivedAt = performance.now();
      this.received += 1;
    },
  };
}
