// The refresh cookie of a browser's sign-in: httpOnly, same-site only, sent to the auth routes alone.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { REFRESH_COOKIE } from '../../core/auth.ts';

const COOKIE_PATH = '/api/auth';

export function readRefreshCookie(request: FastifyRequest): string | null {
  return request.cookies[REFRESH_COOKIE] ?? null;
}

export function setRefreshCookie(request: FastifyRequest, reply: FastifyReply, value: string, maxAgeSeconds: number): void {
  // Secure over HTTPS (a proxy's X-Forwarded-Proto counts with TRUST_PROXY); plain HTTP serves localhost and tests.
  void reply.setCookie(REFRESH_COOKIE, value, { path: COOKIE_PATH, httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https', maxAge: maxAgeSeconds });
}

export function clearRefreshCookie(reply: FastifyReply): void {
  void reply.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH, httpOnly: true, sameSite: 'strict' });
}
