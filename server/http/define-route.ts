// Declares an HTTP route once: zod-validated params, query and body, the role it needs, and its OpenAPI description.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Role, User } from '../../core/auth.ts';
import { AppError, issuesFromZod } from '../../core/errors.ts';
import type { AppContext } from '../context.ts';

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

export type RouteRegistry = Array<RouteSpec<z.ZodType, z.ZodType, z.ZodType, z.ZodType>>;

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
export async function userFromRequest(ctx: AppContext, request: FastifyRequest): Promise<User | null> {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer (.+)$/i.exec(header);
  const claims = match?.[1] ? await ctx.tokens.verify(match[1]) : null;
  if (!claims) throw new AppError('unauthorized', 'Your sign-in has expired or is not valid. Please sign in again.');
  const user = await ctx.users.byId(claims.sub);
  if (!user) throw new AppError('unauthorized', 'This account no longer exists.');
  return user;
}

export function defineRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType, R extends z.ZodType>(
  app: FastifyInstance,
  ctx: AppContext,
  registry: RouteRegistry,
  spec: RouteSpec<P, Q, B, R>,
  handler: (input: RouteInput<z.infer<P>, z.infer<Q>, z.infer<B>>) => Promise<z.infer<R>>,
): void {
  registry.push(spec as unknown as RouteSpec<z.ZodType, z.ZodType, z.ZodType, z.ZodType>);
  app.route({
    method: spec.method,
    url: spec.path,
    handler: async (request, reply) => {
      const user = await userFromRequest(ctx, request);
      if (spec.roles) {
        if (!user) throw new AppError('unauthorized', 'Please sign in to do this.');
        if (!spec.roles.includes(user.role)) throw new AppError('forbidden', `This needs the role ${spec.roles.join(' or ')}.`);
      }
      const params = parsePart(spec.params, request.params, 'params');
      const query = parsePart(spec.query, request.query, 'query');
      const body = parsePart(spec.body, request.body, 'body');
      const result = await handler({ params, query, body, user, request, reply });
      if (!reply.sent) reply.code(reply.statusCode === 200 ? (spec.status ?? 200) : reply.statusCode);
      return result;
    },
  });
}
