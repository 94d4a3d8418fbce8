// The baseline of the relay bench: a minimal raw `ws` server that relays every message between the sockets of a pair;
// in its durable form, a text message (an annotation) is first written to SQLite exactly as the app writes one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import SQLite from 'better-sqlite3';
import { Kysely, sql } from 'kysely';
import { WebSocket, WebSocketServer } from 'ws';
import { durableSqliteDialect } from '../../server/db/durable-sqlite.ts';
import { createGroupCommit, type Write } from '../../server/db/group-commit.ts';
import type { Database } from '../../server/db/schema.ts';

export interface WsRelay {
  port: number;
  close(): Promise<void>;
}

/**
 * The app's file settings (WAL, busy timeout, foreign keys), its durable dialect (acknowledged after the WAL's fdatasync)
 * and its group commit: the same durable write per annotation, without the app around it.
 */
function openDurableLog(): { write: (pair: string, body: string) => Promise<void>; close(): Promise<void> } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xr-assist-ws-relay-'));
  const file = new SQLite(path.join(dir, 'relay.sqlite'));
  file.pragma('journal_mode = WAL');
  file.pragma('busy_timeout = 5000');
  file.pragma('foreign_keys = ON');
  file.exec('create table relayed (id integer primary key, pair text not null, body text not null, created_at integer not null)');
  const durable = durableSqliteDialect(file, file);
  const db = new Kysely<Database>({ dialect: durable.dialect });
  const write: Write = createGroupCommit(db);
  return {
    write: (pair, body) => write(async (trx) => void (await sql`insert into relayed (pair, body, created_at) values (${pair}, ${body}, ${Date.now()})`.execute(trx))),
    async close() {
      await db.destroy();
      await durable.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * The first message of a socket is `{"pair":"<id>"}`; every later one, text or binary, goes to the other sockets of that
 * pair. With `durable`, a text message is relayed once its row is on disk, as the app acknowledges an annotation.
 */
export async function startWsRelay(options: { port?: number; durable?: boolean } = {}): Promise<WsRelay> {
  const wss = new WebSocketServer({ port: options.port ?? 0, host: '127.0.0.1', perMessageDeflate: false });
  const log = options.durable ? openDurableLog() : null;
  const pairs = new Map<string, Set<WebSocket>>();
  wss.on('connection', (ws) => {
    let pair: Set<WebSocket> | undefined;
    let pairId = '';
    const relay = (data: WebSocket.RawData, isBinary: boolean) => {
      for (const peer of pair ?? []) if (peer !== ws && peer.readyState === WebSocket.OPEN) peer.send(data, { binary: isBinary });
    };
    ws.on('message', (data, isBinary) => {
      if (!pair) {
        pairId = String((JSON.parse(String(data)) as { pair: string }).pair);
        pair = pairs.get(pairId) ?? new Set();
        pairs.set(pairId, pair);
        pair.add(ws);
        return;
      }
      if (log && !isBinary) void log.write(pairId, String(data)).then(() => relay(data, isBinary));
      else relay(data, isBinary);
    });
    ws.on('close', () => pair?.delete(ws));
  });
  await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
  return {
    port: (wss.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => resolve());
      }).then(() => log?.close()),
  };
}
