// Records every path a running test server is asked for over HTTP, from the call on (to prove nothing reached it offline).
import type { RunningServer } from '../../server/app.ts';

export function recordServerRequests(server: RunningServer): string[] {
  const seen: string[] = [];
  server.realtime.io.httpServer.on('request', (request: { url?: string }) => seen.push(request.url ?? ''));
  return seen;
}
