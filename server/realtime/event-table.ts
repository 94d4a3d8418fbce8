// The server boundary for client events: one table, shared by every socket, validates payloads with zod, rate-limits and acks.
import type { z } from 'zod';
import { AppError, issuesFromZod, type ErrorBody } from '../../core/errors.ts';
import type { AckResponse, ClientToServerEvents } from '../../core/protocol.ts';
import { admitLoggedEvent, RATE_LIMITED, RATE_LIMITED_EVENTS } from './event-rate-limit.ts';
import type { IoSocket } from './socket-types.ts';

type EventName = keyof ClientToServerEvents & string;
type AckFn = (response: AckResponse<object>) => void;
type RawHandler = (socket: IoSocket, args: unknown[]) => void;

export interface EventTable {
  /**
   * A malformed payload, a thrown AppError or a crash all end in an error ack (when the client asked for one); unexpected
   * errors are logged and answered as `internal`, and never crash the server. An event in RATE_LIMITED_EVENTS over its
   * rate is answered `rate_limited` without running the handler.
   */
  on<S extends z.ZodType>(event: EventName, schema: S, handler: (socket: IoSocket, payload: z.infer<S>) => Promise<object> | object): void;
  /** A hot-path event handled as is: no zod, no promise (the pose stream). */
  raw(event: EventName, handler: RawHandler): void;
  /** Per socket this costs one slot in its any-listener array, not one closure per event. */
  attach(socket: IoSocket): void;
}

export function createEventTable(log: { error: (obj: object, msg: string) => void }): EventTable {
  const handlers = new Map<string, RawHandler>();
  const register = (event: string, handler: RawHandler) => {
    if (handlers.has(event)) throw new Error(`Two handlers for the socket event "${event}"`);
    handlers.set(event, handler);
  };

  function dispatch(this: IoSocket, event: unknown, ...args: unknown[]): void {
    if (typeof event === 'string') handlers.get(event)?.(this, args);
  }

  return {
    on(event, schema, handler) {
      const limited = RATE_LIMITED_EVENTS.has(event);
      register(event, (socket, args) => {
        const last = args[args.length - 1];
        const ack = typeof last === 'function' ? (last as AckFn) : undefined;
        const fail = (error: ErrorBody) => ack?.({ ok: false, error });
        const parsed = schema.safeParse(args[0]);
        if (!parsed.success) {
          const issues = issuesFromZod(parsed.error);
          fail({ code: 'bad_request', message: `Invalid ${event}: ${issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}`, issues });
          return;
        }
        if (limited && !admitLoggedEvent(socket, parsed.data)) return fail(RATE_LIMITED);
        Promise.resolve()
          .then(() => handler(socket, parsed.data))
          .then((result) => ack?.({ ok: true, ...result }))
          .catch((error: unknown) => {
            if (error instanceof AppError) return fail(error.toBody());
            log.error({ err: error, event }, 'event handler failed');
            fail({ code: 'internal', message: 'Something went wrong on our side. Please try again.' });
          });
      });
    },
    raw(event, handler) {
      register(event, handler);
    },
    attach(socket) {
      socket.onAny(dispatch);
    },
  };
}
