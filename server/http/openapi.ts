// Builds the OpenAPI 3.1 document of the HTTP API from the routes' own zod schemas; clean under Redocly's recommended rules.
import { z } from 'zod';
import { REFRESH_COOKIE } from '../../core/auth.ts';
import { ErrorResponseSchema } from '../../core/errors.ts';
import type { AnyRouteSpec, Credential } from './define-route.ts';
import packageJson from '../../package.json' with { type: 'json' };

type JsonSchema = Record<string, unknown>;

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'The request is not valid; `issues` names each field at fault',
  401: 'Sign-in needed: no bearer token, or one that is expired, revoked or not valid',
  403: 'The signed-in user’s role may not do this',
  404: 'Not found',
  409: 'Conflicts with the current state (a duplicate, a version already taken, a status that cannot change so)',
  413: 'The upload is larger than the limit the message names',
  415: 'The body is not of the content type the operation takes',
  429: 'Too many requests: wait the seconds in `Retry-After`',
  503: 'This node is shutting down or cannot reach its database: try another node, or again in a moment',
};

/** A `oneOf` / `anyOf` of one schema (a union with one member so far) is that schema. */
function collapseSingleUnions(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(collapseSingleUnions);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).map(([key, child]) => [key, collapseSingleUnions(child)] as const);
  const node = Object.fromEntries(entries) as JsonSchema;
  for (const key of ['oneOf', 'anyOf']) {
    const members = node[key];
    if (Array.isArray(members) && members.length === 1) {
      const { [key]: _single, ...rest } = node;
      return { ...rest, ...(members[0] as JsonSchema) };
    }
  }
  return node;
}

/** Named schemas (zod `.meta({ id })`, needed by recursive ones) lifted out of each operation into the components. */
const sharedSchemas: Record<string, JsonSchema> = {};

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const converted = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  const { $schema: _ignored, $defs, ...rest } = JSON.parse(JSON.stringify(converted).replaceAll('"#/$defs/', '"#/components/schemas/')) as JsonSchema;
  for (const [name, definition] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) sharedSchemas[name] = collapseSingleUnions(definition) as JsonSchema;
  return collapseSingleUnions(rest) as JsonSchema;
};

function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (!schema) return [];
  const json = toSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}

function errorResponse(status: number): JsonSchema {
  return {
    description: ERROR_DESCRIPTIONS[status] ?? 'Error',
    ...(status === 429 ? { headers: { 'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' } } } } : {}),
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
}

/** Role routes need the bearer token; public ones take it (or a listed credential) when sent, or nothing. */
function securityOf(route: AnyRouteSpec): Array<Record<string, string[]>> {
  if (route.roles) return [{ bearer: [] }];
  const credentials: readonly Credential[] = route.credentials ?? ['bearer'];
  return [{}, ...credentials.map((credential) => ({ [credential]: [] }))];
}

const binary = { type: 'string', contentMediaType: 'application/octet-stream' };

function successContent(route: AnyRouteSpec): JsonSchema {
  if (route.download) return { [route.download.contentType]: { schema: { ...binary, contentMediaType: route.download.contentType, description: route.download.description } } };
  return { 'application/json': { schema: toSchema(route.response, 'output') } };
}

function uploadSchema(contentType: string): JsonSchema {
  if (contentType !== 'multipart/form-data') return { ...binary, contentMediaType: contentType };
  return { type: 'object', properties: { files: { type: 'array', items: binary, description: 'One or more files' } }, required: ['files'] };
}

export function buildOpenApiDocument(specs: readonly AnyRouteSpec[]): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of specs) {
    const openApiPath = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const status = route.status ?? 200;
    const responses: Record<string, JsonSchema> = {
      [String(status)]: status === 204 ? { description: 'Done' } : { description: 'Success', content: successContent(route) },
    };
    const errorStatuses = new Set([...(route.errors ?? []), 401, ...(route.roles ? [403] : []), ...(route.rateLimit ? [429] : [])]);
    for (const error of [...errorStatuses].sort()) responses[String(error)] = errorResponse(error);
    const headers = Object.entries(route.headers ?? {}).map(([name, header]) => ({ name, in: 'header', required: header.required, description: header.description, schema: { type: 'string' } }));
    const operation: JsonSchema = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.tag],
      security: securityOf(route),
      parameters: [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query'), ...headers],
      responses,
    };
    if (route.upload) operation.requestBody = { required: true, description: route.upload.description, content: { [route.upload.contentType]: { schema: uploadSchema(route.upload.contentType) } } };
    else if (route.body) operation.requestBody = { required: true, content: { 'application/json': { schema: toSchema(route.body, 'input') } } };
    (paths[openApiPath] ??= {})[route.method.toLowerCase()] = operation;
  }
  const license = (packageJson as { license?: string }).license;
  return {
    openapi: '3.1.0',
    info: {
      title: 'XR Assist API',
      version: packageJson.version,
      description: 'Catalog, sign-in, guides, assist sessions, cart, orders and Studio (importing products) of XR Assist. Errors are `{ "error": { "code", "message", "issues"? } }`.',
      ...(license ? { license: { name: license, identifier: license } } : {}),
    },
    servers: [{ url: '/', description: 'This deployment (the document is served by the API it describes)' }],
    paths,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'The access token from `signIn` or `renewSignIn`; short-lived' },
        refreshCookie: { type: 'apiKey', in: 'cookie', name: REFRESH_COOKIE, description: 'The httpOnly cookie a browser’s sign-in sets; renews the access token' },
      },
      schemas: { Error: toSchema(ErrorResponseSchema, 'output'), ...sharedSchemas },
    },
  };
}
