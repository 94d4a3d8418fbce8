// A throwaway localhost HTTP server for the studio page: fixed in-memory routes plus files from one folder.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.glb': 'model/gltf-binary',
};

/** Serves `routes` by exact path, and `/files/<name>` from `fileRoot` (no subfolders). */
export async function startStaticServer(routes: Record<string, string>, fileRoot: string): Promise<StaticServer> {
  const server = createServer((request, response) => {
    const pathname = new URL(request.url ?? '/', 'http://localhost').pathname;
    const send = (status: number, body: string | Buffer, type = 'text/plain'): void => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    const route = routes[pathname];
    if (route !== undefined) return send(200, route, CONTENT_TYPES[path.extname(pathname) || '.html'] ?? 'application/octet-stream');
    const name = pathname.startsWith('/files/') ? pathname.slice('/files/'.length) : '';
    if (!/^[\w.-]+$/.test(name)) return send(404, 'not found');
    readFile(path.join(fileRoot, name)).then(
      (data) => send(200, data, CONTENT_TYPES[path.extname(name)] ?? 'application/octet-stream'),
      () => send(404, 'not found'),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
