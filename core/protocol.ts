// The realtime wire contract: protocol version, handshake, ack shape and the typed Socket.IO event maps.
import { z } from 'zod';
import type { ErrorBody } from './errors.ts';
import type { User } from './auth.ts';
import type { OrderClientToServerEvents, OrderServerToClientEvents } from './order.ts';
import type { AssistClientToServerEvents, AssistServerToClientEvents } from './assist.ts';
import type { GuideClientToServerEvents, GuideServerToClientEvents } from './guide-protocol.ts';

export { PROTOCOL_VERSION } from './protocol-version.ts';

export const HandshakeAuthSchema = z.object({
  protocolVersion: z.number().int(),
  token: z.string().optional(),
});
export type HandshakeAuth = z.infer<typeof HandshakeAuthSchema>;

export type AckOk<T extends object = object> = { ok: true } & T;
export type AckError = { ok: false; error: ErrorBody };
export type AckResponse<T extends object = object> = AckOk<T> | AckError;
export type Ack<T extends object = object> = (response: AckResponse<T>) => void;

export interface HelloPayload {
  protocolVersion: number;
  user: User | null;
}

/** Events every connection has. Domain modules (guides, assist, orders) add their own maps below. */
export interface BaseClientToServerEvents {
  'ping:echo': (payload: { at: number }, ack: Ack<{ at: number; serverAt: number }>) => void;
}

export interface BaseServerToClientEvents {
  hello: (payload: HelloPayload) => void;
}

export type ClientToServerEvents = BaseClientToServerEvents & OrderClientToServerEvents & AssistClientToServerEvents & GuideClientToServerEvents;
export type ServerToClientEvents = BaseServerToClientEvents & OrderServerToClientEvents & AssistServerToClientEvents & GuideServerToClientEvents;
