// Declares an HTTP route once: zod-validated params, query and body, the role it needs, and its OpenAPI description.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Role, User } from '../../core/auth.ts';
import { AppError, issuesFromZod } from '../../core/errors.ts';
import type { Identify } from '../platform/context.ts';
import { requireUser } from '../platform/signed-in.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteSpec<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType> {
  method: Method;
  /** Fastify path, e.g. `/api/products/:id`. */
  path: string;
  summary: string;
  tag: string;
  params?: P;
  query?: Q;
  body?: B;
  /** Extra request headers documented and passed through, e.g. `Idempotency-Key`. */
  headers?: Record<string, { description: string; required: boolean }>;
  response: R;
  /** Status of a success. @default 200 */
  status?: number;
  /** Roles allowed; absent means public. */
  roles?: readonly Role[];
  /** Error statuses the route can answer, for the document. */
  errors?: readonly number[];
}

export interface RouteInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
  user: User | null;
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

/** The signed-in user of a request: null without a token; 401 for an invalid token. */
async function userFromRequest(identify: Identify, request: FastifyRequest): Promise<User | null> {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer (.+)$/i.exec(header);
  const found = match?.[1] ? await identify(match[1]) : 'invalid';
  if (found === 'invalid') throw new AppError('unauthorized', 'Your sign-in has expired or is not valid. Please sign in again.');
  if (found === 'gone') throw new AppError('unauthorized', 'This account no longer exists.');
  return found;
}

export function createRouteTable(app: FastifyInstance, identify: Identify): RouteTable {
  const specs: AnyRouteSpec[] = [];
  return {
    specs,
    define(spec, handler) {
      specs.push(spec as unknown as AnyRouteSpec);
      app.route({
        method: spec.method,
        url: spec.path,
        handler: async (request, reply) => {
          const user = await userFromRequest(identify, request);
          if (spec.roles && !spec.roles.includes(requireUser(user).role)) throw new AppError('forbidden', `This needs the role ${spec.roles.join(' or ')}.`);
          const params = parsePart(spec.params, request.params, 'params');
          const query = parsePart(spec.query, request.query, 'query');
          const body = parsePart(spec.body, request.body, 'body');
          const result = await handler({ params, query, body, user, request, reply });
          if (!reply.sent) reply.code(reply.statusCode === 200 ? (spec.status ?? 200) : reply.statusCode);
          return result;
        },
      });
    },
  };
}
