// Security headers on every page and API answer (helmet): a Content-Security-Policy the app passes, no framing, no sniffing.
import type { IncomingMessage } from 'node:http';
import Fastify, { type FastifyInstance } from 'fastify';
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

const HELMET_OPTIONS = {
  // No upgrade-insecure-requests: a self-hosted install may be reached over plain HTTP on a LAN or on localhost.
  contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
  xFrameOptions: { action: 'deny' },
  referrerPolicy: { policy: 'no-referrer' },
  strictTransportSecurity: { maxAge: 180 * 24 * 60 * 60, includeSubDomains: false },
} as const;

type HeaderSet = Record<string, string>;

/**
 * The headers helmet gives a request, asked of it once through a throwaway instance: @fastify/helmet builds a new helmet
 * middleware, and re-parses and re-validates every CSP directive, on each request, which cost more CPU than placing an
 * order's SQL. The answer depends on the request only through `isEmulatorPage`, so there are two sets.
 */
async function helmetHeaders(): Promise<{ page: HeaderSet; emulatorPage: HeaderSet }> {
  const probe = Fastify();
  await probe.register(fastifyHelmet, HELMET_OPTIONS);
  probe.get('/', (_request, reply) => reply.send(reply.raw.getHeaders()));
  const ask = async (url: string) => (await probe.inject({ url, headers: { host: 'localhost' } })).json<HeaderSet>();
  try {
    const [page, emulatorPage] = await Promise.all([ask('/'), ask('/?emulate=1')]);
    return { page, emulatorPage };
  } finally {
    await probe.close();
  }
}

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  const { page, emulatorPage } = await helmetHeaders();
  app.addHook('onRequest', (request, reply, done) => {
    const emulated = request.url.includes('emulate=') && isEmulatorPage(request.raw);
    void reply.headers(emulated ? emulatorPage : page);
    done();
  });
}
