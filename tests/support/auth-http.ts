// Sign-in over HTTP as a browser does it: the JSON answer plus the refresh cookie the server sets.
import { REFRESH_COOKIE, type LoginResponse } from '../../core/auth.ts';
import type { ErrorResponse } from '../../core/errors.ts';

export interface AuthAnswer {
  status: number;
  body: LoginResponse | ErrorResponse;
  /** `Retry-After` in seconds, when sent. */
  retryAfter: number | null;
  /** The refresh cookie's value as set by this answer (`''` when cleared), or null when it set none. */
  refreshCookie: string | null;
  /** The whole Set-Cookie line of the refresh cookie. */
  setCookie: string | null;
}

async function answerOf(response: Response): Promise<AuthAnswer> {
  const setCookie = response.headers.getSetCookie().find((line) => line.startsWith(`${REFRESH_COOKIE}=`)) ?? null;
  const retryAfter = response.headers.get('retry-after');
  return {
    status: response.status,
    body: response.status === 204 ? ({} as LoginResponse) : ((await response.json()) as LoginResponse | ErrorResponse),
    retryAfter: retryAfter === null ? null : Number(retryAfter),
    refreshCookie: setCookie ? decodeURIComponent(setCookie.slice(REFRESH_COOKIE.length + 1).split(';')[0] ?? '') : null,
    setCookie,
  };
}

export async function tryLogin(server: { url: string }, email: string, password: string): Promise<AuthAnswer> {
  return answerOf(await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) }));
}

const cookieHeader = (cookie: string | null) => (cookie ? { cookie: `${REFRESH_COOKIE}=${encodeURIComponent(cookie)}` } : {});

export async function renew(server: { url: string }, cookie: string | null): Promise<AuthAnswer> {
  return answerOf(await fetch(`${server.url}/api/auth/refresh`, { method: 'POST', headers: cookieHeader(cookie) }));
}

export async function logout(server: { url: string }, credentials: { token?: string; cookie?: string }): Promise<AuthAnswer> {
  const headers = { ...cookieHeader(credentials.cookie ?? null), ...(credentials.token ? { authorization: `Bearer ${credentials.token}` } : {}) };
  return answerOf(await fetch(`${server.url}/api/auth/logout`, { method: 'POST', headers }));
}

/** The status of `GET /api/auth/me` with the token. */
export async function meStatus(server: { url: string }, token: string): Promise<number> {
  return (await fetch(`${server.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } })).status;
}

export const isLogin = (body: AuthAnswer['body']): body is LoginResponse => 'token' in body;
export const errorOf = (body: AuthAnswer['body']) => ('error' in body ? body.error : null);
