// The Socket.IO handshake, for new and recovered sockets alike: the protocol version, the bearer token (refused when
// expired or revoked), and the connection caps.
import { AppError } from '../../core/errors.ts';
import { HandshakeAuthSchema } from '../../core/protocol.ts';
import { PROTOCOL_VERSION } from '../../core/protocol-version.ts';
import type { Identify } from '../platform/context.ts';
import type { ConnectionGuard } from './connection-guard.ts';
import type { IoSocket } from './socket-types.ts';

type Next = (error?: Error) => void;

function refusal(error: AppError): Error & { data: unknown } {
  return Object.assign(new Error(error.message), { data: error.toBody() });
}

export function createHandshake(identify: Identify, guard: ConnectionGuard): (socket: IoSocket, next: Next) => Promise<void> {
  return async (socket, next) => {
    const auth = HandshakeAuthSchema.safeParse(socket.handshake.auth);
    if (!auth.success) return next(refusal(new AppError('protocol_mismatch', `This app is out of date: connect with protocolVersion ${PROTOCOL_VERSION}. Reload the page.`)));
    if (auth.data.protocolVersion !== PROTOCOL_VERSION) {
      return next(refusal(new AppError('protocol_mismatch', `This app speaks protocol ${auth.data.protocolVersion} but the server speaks ${PROTOCOL_VERSION}. Reload the page to update.`)));
    }
    // A socket restored by connection state recovery comes back with its rooms: it must be the same user's, signed in still.
    const recoveredUserId = socket.recovered ? (socket.data.user?.id ?? null) : undefined;
    socket.data.user = null;
    socket.data.signInId = null;
    if (auth.data.token) {
      const found = await identify(auth.data.token);
      if (typeof found === 'string') return next(refusal(new AppError('unauthorized', 'Your sign-in has expired or is not valid. Please sign in again.')));
      socket.data.user = found.user;
      socket.data.signInId = found.signInId;
      // Checked once: the connection has no further use for the token and need not hold it.
      delete (socket.handshake.auth as { token?: string }).token;
    }
    if (recoveredUserId !== undefined && recoveredUserId !== (socket.data.user?.id ?? null)) {
      return next(refusal(new AppError('unauthorized', 'This connection belonged to another sign-in. Reload the page.')));
    }
    const overCap = guard.admit(socket);
    next(overCap ? refusal(overCap) : undefined);
  };
}
