// The realtime wire contract assembled: protocol version, handshake, the greeting, and every domain's event maps.
import { z } from 'zod';
import type { Ack } from './ack.ts';
import type { User } from './auth.ts';
import type { SessionClientToServerEvents, SessionServerToClientEvents } from './session-events.ts';
import type { HelpClientToServerEvents, HelpServerToClientEvents } from './help-events.ts';
import type { AnnotationClientToServerEvents } from './annotation-events.ts';
import type { CallClientToServerEvents, CallServerToClientEvents } from './call-events.ts';
import type { GuideClientToServerEvents, GuideServerToClientEvents } from './guide-events.ts';
import type { AlignmentClientToServerEvents } from './asset-alignment-events.ts';
import type { CartClientToServerEvents, CartServerToClientEvents } from './cart-events.ts';
import type { OrderClientToServerEvents, OrderServerToClientEvents } from './order-events.ts';
import type { AgentRatingClientToServerEvents } from './agent-rating-events.ts';
import type { ActivityClientToServerEvents } from './activity-events.ts';

export { PROTOCOL_VERSION } from './protocol-version.ts';

export const HandshakeAuthSchema = z.object({
  protocolVersion: z.number().int(),
  token: z.string().optional(),
});
export type HandshakeAuth = z.infer<typeof HandshakeAuthSchema>;

export interface HelloPayload {
  protocolVersion: number;
  user: User | null;
}

export const PingEchoSchema = z.strictObject({ at: z.number() });

/** Events every connection has. */
export interface BaseClientToServerEvents {
  'ping:echo': (payload: z.input<typeof PingEchoSchema>, ack: Ack<{ at: number; serverAt: number }>) => void;
}

export interface BaseServerToClientEvents {
  hello: (payload: HelloPayload) => void;
}

export type ClientToServerEvents = BaseClientToServerEvents &
  SessionClientToServerEvents &
  HelpClientToServerEvents &
  AnnotationClientToServerEvents &
  CallClientToServerEvents &
  GuideClientToServerEvents &
  AlignmentClientToServerEvents &
  CartClientToServerEvents &
  OrderClientToServerEvents &
  AgentRatingClientToServerEvents &
  ActivityClientToServerEvents;

export type ServerToClientEvents = BaseServerToClientEvents &
  SessionServerToClientEvents &
  HelpServerToClientEvents &
  CallServerToClientEvents &
  GuideServerToClientEvents &
  CartServerToClientEvents &
  OrderServerToClientEvents;
