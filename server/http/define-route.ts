// Declares an HTTP route once: zod-validated params, query and body, the role it needs, its rate limit and its OpenAPI description.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import type { z } from 'zod';
import type { Role, User } from '../../core/auth.ts';
import { AppError, issuesFromZod } from '../../core/errors.ts';
import type { Identify, Identity } from '../platform/context.ts';
import { requireUser } from '../platform/signed-in.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** How a caller may prove who they are, for the document: the bearer token, or the refresh cookie of a browser's sign-in. */
export type Credential = 'bearer' | 'refreshCookie';

export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType> {
  method: Method;
  /** Fastify path, e.g. `/api/products/:id`. */
  path: string;
  /** The operation's stable name in the OpenAPI document, what generated clients call it, e.g. `getProduct`. */
  operationId: string;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  /** Extra request headers documented and passed through, e.g. `Idempotency-Key`. */
  headers?: Record<string, { description: string; required: boolean }>;
  response: R;
  /** Status of a success; 204 answers no body. @default 200 */
  status?: number;
  /** Roles allowed; absent means public (a bearer token, when sent, must still be valid). */
  roles?: readonly Role[];
  /** What else identifies the caller of a public route, for the document. */
  credentials?: readonly Credential[];
  /** Error statuses the route can answer, for the document (401 for a bad token is added to every route). */
  errors?: readonly number[];
  /** Requests allowed per client address in a window, on each node; beyond that 429 with `Retry-After`. */
  rateLimit?: { max: number; windowMs: number };
  /**
   * A body that is not JSON, read by the handler itself: `multipart/form-data` (files streamed with `request.parts()`)
   * or `image/png` (a Buffer in `request.body`, at most `maxBytes`). Replaces `body`.
   */
  upload?: { contentType: 'multipart/form-data' | 'image/png'; description: string; maxBytes?: number };
  /** A success that is a file of this type (the handler returns a Buffer or a stream) instead of JSON. */
  download?: { contentType: string; description: string };
}

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  user: User | null;
  /** The sign-in the bearer token was issued under, when one was sent. */
  signInId: string | null;
  request: FastifyRequest;
  reply: FastifyReply;
}

export type AnyRouteSpec = RouteSpec<z.ZodType, z.ZodType, z.ZodType, z.ZodType>;

export interface RouteTable {
  define<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
    spec: RouteSpec<P, Q, B, R>,
    handler: (input: RouteInput<z.infer<P>, z.infer<Q>, z.infer<B>>) => Promise<z.infer<R>>,
  ): void;
  /** Every route defined so far, in order: what the OpenAPI document describes. */
  readonly specs: readonly AnyRouteSpec[];
}

function parsePart<S extends z.ZodType>(schema: S | undefined, value: unknown, where: string): z.infer<S> {
  if (!schema) return undefined as z.infer<S>;
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = issuesFromZod(result.error).map((issue) => ({ ...issue, path: `${where}.${issue.path}` }));
    throw new AppError('bad_request', `Invalid ${where}: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`, issues);
  }
  return result.data;
}

/** The identity of a request: null without a token; 401 for an invalid or revoked token. */
async function identityOf(identify: Identify, request: FastifyRequest): Promise<Identity | null> {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer (.+)$/i.exec(header);
  const found = match?.[1] ? await identify(match[1]) : 'invalid';
  if (found === 'invalid') throw new AppError('unauthorized', 'Your sign-in has expired or is not valid. Please sign in again.');
  if (found === 'gone') throw new AppError('unauthorized', 'This account no longer exists.');
  return found;
}

export function waitInWords(seconds: number): string {
  return seconds === 1 ? '1 second' : seconds < 120 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`;
}

/** Registers the cookie parser and the rate limiter the routes use, then answers route definitions. */
export async function createRouteTable(app: FastifyInstance, identify: Identify): Promise<RouteTable> {
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { throwFileSizeLimit: true });
  app.addContentTypeParser('image/png', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, { ttl }) => new AppError('rate_limited', `Too many requests from your network. Wait ${waitInWords(Math.max(1, Math.ceil(ttl / 1000)))} and try again.`),
  });
  const specs: AnyRouteSpec[] = [];
  return {
    specs,
    define(spec, handler) {
      specs.push(spec as unknown as AnyRouteSpec);
      app.route({
        method: spec.method,
        url: spec.path,
        ...(spec.upload?.maxBytes ? { bodyLimit: spec.upload.maxBytes } : {}),
        ...(spec.rateLimit ? { onRequest: app.rateLimit({ max: spec.rateLimit.max, timeWindow: spec.rateLimit.windowMs }) } : {}),
        handler: async (request, reply) => {
          const identity = await identityOf(identify, request);
          const user = identity?.user ?? null;
          if (spec.roles && !spec.roles.includes(requireUser(user).role)) throw new AppError('forbidden', `This needs the role ${spec.roles.join(' or ')}.`);
          const params = parsePart(spec.params, request.params, 'params');
          const query = parsePart(spec.query, request.query, 'query');
          const body = parsePart(spec.upload ? undefined : spec.body, request.body, 'body');
          const result = await handler({ params, query, body, user, signInId: identity?.signInId ?? null, request, reply });
          if (!reply.sent) reply.code(reply.statusCode === 200 ? (spec.status ?? 200) : reply.statusCode);
          return spec.status === 204 ? reply.send() : result;
        },
      });
    },
  };
}
