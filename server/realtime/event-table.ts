// The server boundary for client events: one table, shared by every socket, validates payloads with zod, rate-limits and acks.
import type { z } from 'zod';
import type { Ack, AckResponse, ErrorBody } from '../../core/ack.ts';
import { AppError, issuesFromZod } from '../../core/errors.ts';
import type { ClientToServerEvents } from '../../core/protocol.ts';
import { shuttingDown, type Lifecycle } from '../platform/lifecycle.ts';
import type { Metrics } from '../platform/metrics.ts';
import { admitRead, admitSessionWrite, forgetSocket, RATE_LIMITED } from './event-rate-limit.ts';
import type { IoSocket } from './socket-types.ts';

export type EventName = keyof ClientToServerEvents & string;
/** What the client sends with event E, as core's event map declares it. */
export type EventPayload<E extends EventName> = Parameters<ClientToServerEvents[E]>[0];
/** What the handler of event E answers on success (the ack's fields besides `ok`). */
export type EventAck<E extends EventName> = NonNullable<Parameters<ClientToServerEvents[E]>[1]> extends Ack<infer T> ? T : never;

type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** A schema whose input is exactly the payload core declares for E; any other schema does not compile. */
type PayloadSchema<E extends EventName, S extends z.ZodType> = Same<z.input<S>, EventPayload<E>> extends true ? unknown : { 'does not parse the payload declared for': E };

/**
 * How an event is rate limited, declared where it is registered.
 * - `session-write`: what a person could spam into a session log or the callback list — chat, annotations, pings,
 *   steps, proposals, help and call events: per socket and per user in a session (see event-rate-limit.ts).
 * - `read`: what answers from storage, some of it large (a session's log, up to 500 entries a page; the queue; the cart):
 *   per socket and per user across their sockets.
 * - `none`: relayed signaling, placement and pose (capped on their own), cart edits, and guide actions (idempotent by
 *   actionId, replayed in a row from the offline queue, logged only when the step changes).
 */
export type RateClass = 'session-write' | 'read' | 'none';

export interface EventSpec<E extends EventName, S extends z.ZodType> {
  schema: S & PayloadSchema<E, S>;
  limit: RateClass;
}

type AckFn = (response: AckResponse<object>) => void;
type RawHandler = (socket: IoSocket, args: unknown[]) => void;

export interface EventTable {
  /**
   * A malformed payload, a thrown AppError or a crash all end in an error ack (when the client asked for one); unexpected
   * errors are logged and answered as `internal`, and never crash the server. Over its rate class, an event is answered
   * `rate_limited` without running the handler.
   */
  on<E extends EventName, S extends z.ZodType>(event: E, spec: EventSpec<E, S>, handler: (socket: IoSocket, payload: z.output<S>) => Promise<EventAck<E>> | EventAck<E>): void;
  /** A hot-path event handled as is: no zod, no promise (the pose stream). */
  raw(event: EventName, handler: RawHandler): void;
  /** Every socket gets the same any-listener list: no closure per event, and nothing allocated per socket. */
  attach(socket: IoSocket): void;
  /** Forgets what the table kept for a socket that disconnected (its rate buckets). */
  detach(socket: IoSocket): void;
  /** The schema each `on` event's payload is checked against: the boundary as it stands, for tests and tools to probe. */
  readonly schemas: ReadonlyMap<EventName, z.ZodType>;
  /** Handlers running now: their writes have not all committed or their acks have not all gone out. */
  readonly inFlight: number;
  /** Resolves once no handler is running; with the lifecycle stopped, new events are answered `unavailable` meanwhile. */
  drain(): Promise<void>;
}

export interface EventTableOptions {
  log: { error: (obj: object, msg: string) => void };
  /** New events are refused once it stops accepting. @default always accepting */
  lifecycle?: Pick<Lifecycle, 'accepting'>;
  metrics?: Pick<Metrics, 'event' | 'ack'>;
}

export function createEventTable({ log, lifecycle = { accepting: true }, metrics }: EventTableOptions): EventTable {
  let inFlight = 0;
  let drained: Array<() => void> = [];
  const settle = () => {
    inFlight -= 1;
    if (inFlight > 0) return;
    for (const resolve of drained) resolve();
    drained = [];
  };
  const handlers = new Map<string, RawHandler>();
  const schemas = new Map<EventName, z.ZodType>();
  const register = (event: string, handler: RawHandler) => {
    if (handlers.has(event)) throw new Error(`Two handlers for the socket event "${event}"`);
    handlers.set(event, handler);
  };

  /** An event nobody answers still gets its ack, so a client never waits on it for nothing. */
  function dispatch(this: IoSocket, event: unknown, ...args: unknown[]): void {
    const handler = typeof event === 'string' ? handlers.get(event) : undefined;
    if (handler) return handler(this, args);
    const last = args[args.length - 1];
    if (typeof last === 'function') (last as AckFn)({ ok: false, error: { code: 'bad_request', message: `There is no event "${String(event).slice(0, 64)}".` } });
  }

  return {
    schemas,
    get inFlight() {
      return inFlight;
    },
    drain: () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => drained.push(resolve))),
    on(event, { schema, limit }, handler) {
      schemas.set(event, schema as z.ZodType);
      register(event, (socket, args) => {
        const last = args[args.length - 1];
        const given = typeof last === 'function' ? (last as AckFn) : undefined;
        const ack = given && metrics ? (response: AckResponse<object>) => (metrics.ack(response.ok ? 'ok' : response.error.code), given(response)) : given;
        const fail = (error: ErrorBody) => ack?.({ ok: false, error });
        metrics?.event(event);
        if (!lifecycle.accepting) return fail(shuttingDown().toBody());
        const parsed = (schema as z.ZodType).safeParse(args[0]);
        if (!parsed.success) {
          const issues = issuesFromZod(parsed.error);
          fail({ code: 'bad_request', message: `Invalid ${event}: ${issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}`, issues });
          return;
        }
        if (limit === 'session-write' && !admitSessionWrite(socket, parsed.data)) return fail(RATE_LIMITED);
        if (limit === 'read' && !admitRead(socket)) return fail(RATE_LIMITED);
        inFlight += 1;
        Promise.resolve()
          .then(() => handler(socket, parsed.data as z.output<typeof schema>))
          .then((result) => ack?.({ ok: true, ...result }))
          .catch((error: unknown) => {
            if (error instanceof AppError) return fail(error.toBody());
            log.error({ err: error, event }, 'event handler failed');
            fail({ code: 'internal', message: 'Something went wrong on our side. Please try again.' });
          })
          .finally(settle);
      });
    },
    raw(event, handler) {
      register(event, handler);
    },
    attach(socket) {
      socket.onAny(dispatch);
    },
    detach: forgetSocket,
  };
}
