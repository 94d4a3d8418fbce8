// Times the stages of a job and reports each one's start as progress (the fraction never goes back).
import type { ImportProgress, ImportStage } from './import-types.ts';

export interface StageClock {
  /** Ends the running stage and starts `stage` at overall `fraction`. */
  start(stage: ImportStage, fraction: number): void;
  /** Ends the running stage; returns milliseconds per stage. */
  stop(): Partial<Record<ImportStage, number>>;
}

export function createStageClock(report: (progress: ImportProgress) => void): StageClock {
  const durations: Partial<Record<ImportStage, number>> = {};
  let running: { stage: ImportStage; since: number } | null = null;
  let reached = 0;
  const end = () => {
    if (!running) return;
    durations[running.stage] = Math.round((durations[running.stage] ?? 0) + performance.now() - running.since);
    running = null;
  };
  return {
    start(stage, fraction) {
      end();
      reached = Math.max(reached, Math.min(1, fraction));
      running = { stage, since: performance.now() };
      report({ stage, fraction: reached });
    },
    stop() {
      end();
      return durations;
    },
  };
}
