// The server boundary for client events: validates the payload with zod, runs the handler, answers with an ack.
import type { z } from 'zod';
import { AppError, issuesFromZod, type ErrorBody } from '../../core/errors.ts';
import type { AckResponse } from '../../core/protocol.ts';
import { admitLoggedEvent, RATE_LIMITED, RATE_LIMITED_EVENTS } from './event-rate-limit.ts';
import type { IoSocket } from './socket-types.ts';

type AckFn = (response: AckResponse<object>) => void;

/**
 * Registers `event` on `socket`. A malformed payload, a missing ack callback or a thrown AppError all end in an error
 * ack (when an ack exists); unexpected errors are logged and answered as `internal`, and never crash the server. An event
 * in RATE_LIMITED_EVENTS over its rate is answered `rate_limited` without running the handler.
 */
export function onEvent<S extends z.ZodType, R extends object>(
  socket: IoSocket,
  event: string,
  schema: S,
  handler: (payload: z.infer<S>) => Promise<R> | R,
  log: { error: (obj: object, msg: string) => void },
): void {
  const limited = RATE_LIMITED_EVENTS.has(event);
  (socket as unknown as { on(event: string, listener: (...args: unknown[]) => void): void }).on(event, (...args: unknown[]) => {
    const maybeAck = args[args.length - 1];
    const ack: AckFn | undefined = typeof maybeAck === 'function' ? (maybeAck as AckFn) : undefined;
    const payload = ack ? args[0] : args[0];
    const fail = (error: ErrorBody) => ack?.({ ok: false, error });
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      const issues = issuesFromZod(parsed.error);
      fail({ code: 'bad_request', message: `Invalid ${event}: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`, issues });
      return;
    }
    if (limited && !admitLoggedEvent(socket, parsed.data)) return fail(RATE_LIMITED);
    Promise.resolve()
      .then(() => handler(parsed.data))
      .then((result) => ack?.({ ok: true, ...result }))
      .catch((error: unknown) => {
        if (error instanceof AppError) return fail(error.toBody());
        log.error({ err: error, event }, 'event handler failed');
        fail({ code: 'internal', message: 'Something went wrong on our side. Please try again.' });
      });
  });
}
