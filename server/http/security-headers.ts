// Security headers on every page and API answer (helmet): a Content-Security-Policy the app passes, no framing, no sniffing.
import type { FastifyInstance } from 'fastify';
import fastifyHelmet from '@fastify/helmet';

/**
 * Everything comes from this origin; nothing from a CDN. What the app needs beyond `'self'`:
 * - `'wasm-unsafe-eval'`: the meshopt decoder of the product models compiles WebAssembly;
 * - `blob:`: the USDZ made in the browser for AR Quick Look, textures decoded from the models, and workers;
 * - `data:`: the favicon, the QR code and small textures inlined in models;
 * - `'unsafe-inline'` styles: style elements and attributes set by React, three's helpers and the emulator's overlay.
 * WebXR and WebRTC need no source; same-origin websockets match `'self'` in connect-src.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
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
} as const;

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(fastifyHelmet, {
    // No upgrade-insecure-requests: a self-hosted install may be reached over plain HTTP on a LAN or on localhost.
    contentSecurityPolicy: { useDefaults: false, directives: Object.fromEntries(Object.entries(CSP_DIRECTIVES).map(([name, values]) => [name, [...values]])) },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: { maxAge: 180 * 24 * 60 * 60, includeSubDomains: false },
  });
}
