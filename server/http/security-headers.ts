// Security headers on every page and API answer (helmet): a Content-Security-Policy the app passes, no framing, no sniffing.
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import fastifyHelmet from '@fastify/helmet';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * A page opened with `?emulate=1` on localhost, where the app loads the developer XR emulator (IWER), whose overlay
 * writes its own style elements. It is the one page that may use inline styles.
 */
export function isEmulatorPage(request: Pick<IncomingMessage, 'url' | 'headers'>): boolean {
  const url = URL.parse(request.url ?? '/', 'http://localhost');
  const host = URL.parse(`http://${request.headers.host ?? ''}`)?.hostname;
  return url?.searchParams.get('emulate') === '1' && host !== undefined && LOCAL_HOSTS.has(host);
}

/**
 * Everything comes from this origin; nothing from a CDN. What the app needs beyond `'self'`:
 * - `'wasm-unsafe-eval'`: the meshopt decoder of the product models compiles WebAssembly;
 * - `blob:`: the USDZ made in the browser for AR Quick Look, textures decoded from the models, and workers;
 * - `data:`: the favicon, the QR code and small textures inlined in models.
 * No inline script or style (React sets styles through the CSSOM, which CSP leaves alone), but on the emulator page.
 * WebXR and WebRTC need no source; same-origin websockets match `'self'` in connect-src.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", (request: IncomingMessage) => (isEmulatorPage(request) ? "'unsafe-inline'" : '')],
  imgSrc: ["'self'", 'data:', 'blob:'],
  mediaSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'", 'data:', 'blob:'],
  workerSrc: ["'self'", 'blob:'],
  manifestSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameSrc: ["'none'"],
  frameAncestors: ["'none'"],
  formAction: ["'self'"],
};

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    // No upgrade-insecure-requests: a self-hosted install may be reached over plain HTTP on a LAN or on localhost.
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: { maxAge: 180 * 24 * 60 * 60, includeSubDomains: false },
  });
}
