// A Learning Record Store on a random local port for tests: answers the first `failures` POSTs of statements with 503
// (storing nothing), then stores each batch and counts how many times every statement id arrived in a stored batch. A
// batch holding a statement that `refuse` names a reason for is answered 400 with that reason, and nothing of it stored
// (as an LRS validates a whole batch).
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestLrs {
  /** The xAPI endpoint, ending in `/xapi/`. */
  endpoint: string;
  /** Times each statement id arrived in a batch that was stored. */
  received: Map<string, number>;
  statements: unknown[];
  /** POSTs answered, failed ones included. */
  posts: () => number;
  headers: http.IncomingHttpHeaders[];
  close(): Promise<void>;
}

export interface TestLrsOptions {
  /** A reason to refuse a statement (its whole batch is answered 400), or null to accept it. */
  refuse?: (statement: unknown) => string | null;
  /** How long each answer waits, so that pushes racing each other overlap. */
  delayMs?: number;
}

export async function startTestLrs(failures: number, { refuse = () => null, delayMs = 0 }: TestLrsOptions = {}): Promise<TestLrs> {
  const received = new Map<string, number>();
  const statements: unknown[] = [];
  const headers: http.IncomingHttpHeaders[] = [];
  let posts = 0;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => setTimeout(() => {
      if (request.method !== 'POST' || request.url !== '/xapi/statements') return void response.writeHead(404).end();
      posts += 1;
      headers.push(request.headers);
      if (posts <= failures) return void response.writeHead(503).end();
      const batch = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Array<{ id: string }>;
      const reason = batch.map(refuse).find((found) => found !== null);
      if (reason) return void response.writeHead(400, { 'content-type': 'text/plain' }).end(reason);
      for (const statement of batch) {
        received.set(statement.id, (received.get(statement.id) ?? 0) + 1);
        statements.push(statement);
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(batch.map((statement) => statement.id)));
    }, delayMs));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/xapi/`,
    received,
    statements,
    posts: () => posts,
    headers,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
