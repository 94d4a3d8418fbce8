// What the service counts for operators, as an interface the layers report to; Prometheus behind it when enabled.
import type { ErrorCode } from '../../core/ack.ts';

export type AckOutcome = 'ok' | ErrorCode;

export interface Metrics {
  /** A client event arrived (counted by name, whatever its fate). */
  event(name: string): void;
  ack(outcome: AckOutcome): void;
  /** A group commit: how many writes shared it and how long it took to be on disk, in seconds. */
  commit(batchSize: number, seconds: number): void;
  /** An order placement ended: `placed`, `duplicate`, or the error code that refused it. */
  order(outcome: string): void;
  /** Read at scrape time: a gauge's current value, e.g. sockets open on this node. */
  gauge(name: GaugeName, read: () => number | Promise<number>): void;
}

export type GaugeName = 'connections' | 'write_queue' | 'help_queue' | 'events_in_flight';

/** Metrics off (the default): every report is a no-op. */
export const noMetrics: Metrics = {
  event: () => undefined,
  ack: () => undefined,
  commit: () => undefined,
  order: () => undefined,
  gauge: () => undefined,
};
