// Who may open a socket: browsers from the public origins only, and a cap on sockets per client address and on anonymous ones.
import type { IncomingMessage } from 'node:http';
import { AppError } from '../../core/errors.ts';
import type { ServerConfig } from '../platform/config.ts';
import type { Lifecycle } from '../platform/lifecycle.ts';
import type { IoSocket } from './socket-types.ts';

type GuardConfig = Pick<ServerConfig, 'publicOrigins' | 'trustProxyHops' | 'maxSocketsPerAddress' | 'maxAnonymousSockets'>;

export interface ConnectionGuard {
  /** For Socket.IO's `allowRequest`: every engine handshake (websocket upgrade or polling request) passes through it. */
  allowRequest(request: IncomingMessage, callback: (error: string | null | undefined, allowed: boolean) => void): void;
  /**
   * Takes a place for a socket being admitted, or returns the error that refuses it. Call it last in the handshake: a
   * socket admitted then connects (its engine connection is open and cannot close before Socket.IO connects it).
   */
  admit(socket: IoSocket): AppError | null;
  /** Gives an admitted socket's place back: call once, when it disconnects. */
  release(socket: IoSocket): void;
}

/** The client's address: the peer, or with `hops` trusted proxies in front the `X-Forwarded-For` entry they vouch for. */
export function clientAddress(peer: string, forwardedFor: string | string[] | undefined, hops: number): string {
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : (forwardedFor ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [peer, ...forwarded.reverse()];
  const address = chain[Math.min(hops, chain.length - 1)] ?? peer;
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}

/**
 * A browser names the page's origin on every websocket handshake and cross-origin request, so another site's page is
 * refused here. A request without `Origin` is not a browser on another site (a same-origin polling GET, or a program
 * such as a Node client, which could claim any origin anyway): it is let through and still needs a token for anything
 * that is not public.
 */
export function originAllowed(origin: string | undefined, host: string | undefined, publicOrigins: readonly string[]): boolean {
  if (origin === undefined) return true;
  if (publicOrigins.length > 0) return publicOrigins.includes(origin);
  return URL.parse(origin)?.host === host;
}

/** A node that stopped accepting refuses every new handshake, so the client's next attempt goes to another node. */
export function createConnectionGuard(config: GuardConfig, lifecycle: Pick<Lifecycle, 'accepting'> = { accepting: true }): ConnectionGuard {
  const perAddress = new Map<string, number>();
  let anonymous = 0;

  const addressOf = (socket: IoSocket) => clientAddress(socket.handshake.address, socket.handshake.headers['x-forwarded-for'], config.trustProxyHops);

  return {
    allowRequest(request, callback) {
      if (!lifecycle.accepting) return callback('This server is shutting down.', false);
      const origin = request.headers.origin;
      if (originAllowed(origin, request.headers.host, config.publicOrigins)) return callback(null, true);
      callback(`The origin ${origin} may not open a connection here.`, false);
    },
    admit(socket) {
      if ((perAddress.get(addressOf(socket)) ?? 0) >= config.maxSocketsPerAddress) {
        return new AppError('rate_limited', 'Too many open connections from your network. Close some tabs or windows of the app and try again.');
      }
      if (socket.data.user === null && anonymous >= config.maxAnonymousSockets) {
        return new AppError('rate_limited', 'The service is busy. Sign in, or try again in a moment.');
      }
      if (socket.conn.readyState !== 'open') return new AppError('unavailable', 'The connection closed while it was being opened.');
      const address = addressOf(socket);
      perAddress.set(address, (perAddress.get(address) ?? 0) + 1);
      if (socket.data.user === null) anonymous += 1;
      return null;
    },
    release(socket) {
      const address = addressOf(socket);
      const left = (perAddress.get(address) ?? 1) - 1;
      if (left > 0) perAddress.set(address, left);
      else perAddress.delete(address);
      if (socket.data.user === null) anonymous -= 1;
    },
  };
}
