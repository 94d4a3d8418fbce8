// Samples the worker's own memory (its V8 heap, and memory outside it: WebAssembly, buffers) and keeps the peaks.
import type { WorkerMemory } from './import-types.ts';

const SAMPLE_EVERY_MS = 20;

export interface MemorySampler {
  /** Takes a sample now (long synchronous steps block the timer, so callers sample right after them). */
  sample(): void;
  stop(): WorkerMemory;
}

export function sampleWorkerMemory(): MemorySampler {
  const peak: WorkerMemory = { peakHeapBytes: 0, peakExternalBytes: 0, peakBytes: 0 };
  const sample = () => {
    // In a worker, heapUsed and external describe that worker's isolate; rss would be the whole process.
    const { heapUsed, external } = process.memoryUsage();
    peak.peakHeapBytes = Math.max(peak.peakHeapBytes, heapUsed);
    peak.peakExternalBytes = Math.max(peak.peakExternalBytes, external);
    peak.peakBytes = Math.max(peak.peakBytes, heapUsed + external);
  };
  const timer = setInterval(sample, SAMPLE_EVERY_MS);
  timer.unref();
  sample();
  return {
    sample,
    stop() {
      clearInterval(timer);
      sample();
      return { ...peak };
    },
  };
}
