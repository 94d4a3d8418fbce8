// The baseline page of the first-frame race: Google's model-viewer showing the same model, served brotli-compressed as a CDN would.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import { brotliCompressSync, constants } from 'node:zlib';

const require = createRequire(import.meta.url);

export interface ModelViewerSite {
  url: string;
  close(): Promise<void>;
}

interface Served {
  type: string;
  body: Buffer;
  /** The brotli variant a CDN would send to a browser that accepts br. */
  brotli: Buffer;
}

const brotli = (data: Buffer): Buffer => brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } });

/**
 * model-viewer decodes meshopt only with a decoder script it is pointed at; it is served beside it, as its docs advise.
 * The page marks its first frame with the model: the animation frame after model-viewer's `load` event.
 */
function page(modelName: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>model-viewer baseline</title>
<script>self.ModelViewerElement = { meshoptDecoderLocation: '/meshopt_decoder.js' };</script>
<script type="module" src="/model-viewer.min.js"></script>
<style>body{margin:0;font-family:sans-serif}model-viewer{width:100vw;height:60vh;display:block}</style>
</head><body><h1>Wheel corner</h1>
<model-viewer src="/${modelName}" alt="A 3D model" camera-controls></model-viewer>
<script>document.querySelector('model-viewer').addEventListener('load', () => requestAnimationFrame(() => { self.__firstFrameAt = performance.now(); }));</script>
</body></html>
`;
}

function served(type: string, body: Buffer): Served {
  return { type, body, brotli: brotli(body) };
}

/** Serves the model-viewer page, its script, the meshopt decoder and the model file at `modelFile`. */
export async function startModelViewerSite(modelFile: string): Promise<ModelViewerSite> {
  const modelName = 'model.glb';
  const files = new Map<string, Served>([
    ['/', served('text/html; charset=utf-8', Buffer.from(page(modelName)))],
    ['/model-viewer.min.js', served('text/javascript; charset=utf-8', fs.readFileSync(require.resolve('@google/model-viewer/dist/model-viewer.min.js')))],
    ['/meshopt_decoder.js', served('text/javascript; charset=utf-8', fs.readFileSync(path.join(path.dirname(require.resolve('meshoptimizer/decoder')), 'meshopt_decoder.cjs')))],
    [`/${modelName}`, served('model/gltf-binary', fs.readFileSync(modelFile))],
  ]);
  const server = http.createServer((request, response) => {
    const file = files.get((request.url ?? '/').split('?')[0] ?? '/');
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    const br = /\bbr\b/.test(String(request.headers['accept-encoding'] ?? ''));
    const body = br ? file.brotli : file.body;
    response.writeHead(200, { 'content-type': file.type, 'content-length': body.length, vary: 'Accept-Encoding', ...(br ? { 'content-encoding': 'br' } : {}) });
    response.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The uncompressed and brotli sizes of model-viewer's script, for the bundle table. */
export function modelViewerScriptBytes(): { raw: number; brotli: number } {
  const body = fs.readFileSync(require.resolve('@google/model-viewer/dist/model-viewer.min.js'));
  return { raw: body.length, brotli: brotli(body).length };
}
