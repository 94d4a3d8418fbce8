// Copies the SQLite WAL back into the database file from a worker thread, so checkpoints never stall the event loop.
import { Worker } from 'node:worker_threads';

/** How often the worker looks at the WAL. */
const EVERY_MS = 500;

/**
 * The worker's own connection runs PASSIVE checkpoints: they copy what no reader still needs, take no lock a writer
 * waits on, and do their two fsyncs (WAL, then database) off the main thread. The writer restarts the WAL from its
 * start on its own once a checkpoint has caught up. CommonJS source so the worker runs without the TypeScript loader.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require('better-sqlite3');
const db = new SQLite(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 0');
const checkpoint = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch (error) {
    parentPort.postMessage({ error: String(error) });
  }
};
const timer = setInterval(checkpoint, workerData.everyMs);
parentPort.on('message', () => {
  clearInterval(timer);
  checkpoint();
  db.close();
  parentPort.postMessage({ closed: true });
});
`;

export interface Checkpointer {
  close(): Promise<void>;
}

/** Call after turning the connection's own `wal_autocheckpoint` off. */
export function startCheckpointer(file: string, log: (message: string) => void): Checkpointer {
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, everyMs: EVERY_MS } });
  worker.unref();
  let closed: (() => void) | undefined;
  worker.on('message', (message: { error?: string; closed?: boolean }) => {
    if (message.error) log(`WAL checkpoint failed: ${message.error}`);
    if (message.closed) closed?.();
  });
  worker.on('error', (error) => log(`WAL checkpointer stopped: ${String(error)}`));
  return {
    async close() {
      await new Promise<void>((resolve) => {
        closed = resolve;
        worker.once('exit', () => resolve());
        worker.postMessage('close');
      });
      await worker.terminate();
    },
  };
}
