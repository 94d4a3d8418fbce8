// A Learning Record Store on a random local port for tests: answers the first `failures` POSTs of statements with 503
// (storing nothing), then stores each batch and counts how many times every statement id arrived in a stored batch.
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

export async function startTestLrs(failures: number): Promise<TestLrs> {
  const received = new Map<string, number>();
  const statements: unknown[] = [];
  const headers: http.IncomingHttpHeaders[] = [];
  let posts = 0;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method !== 'POST' || request.url !== '/xapi/statements') return void response.writeHead(404).end();
      posts += 1;
      headers.push(request.headers);
      if (posts <= failures) return void response.writeHead(503).end();
      const batch = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Array<{ id: string }>;
      for (const statement of batch) {
        received.set(statement.id, (received.get(statement.id) ?? 0) + 1);
        statements.push(statement);
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(batch.map((statement) => statement.id)));
    });
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
