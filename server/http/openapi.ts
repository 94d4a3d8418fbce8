// Builds the OpenAPI 3.1 document of the HTTP API from the routes' own zod schemas.
import { z } from 'zod';
import { ErrorResponseSchema } from '../../core/errors.ts';
import type { AnyRouteSpec } from './define-route.ts';
import packageJson from '../../package.json' with { type: 'json' };

type JsonSchema = Record<string, unknown>;

const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return rest;
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

export function buildOpenApiDocument(specs: readonly AnyRouteSpec[]): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of specs) {
    const openApiPath = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const responses: Record<string, JsonSchema> = {
      [String(route.status ?? 200)]: { description: 'Success', content: { 'application/json': { schema: toSchema(route.response, 'output') } } },
    };
    const errorStatuses = new Set([...(route.errors ?? []), ...(route.roles ? [401, 403] : [])]);
    for (const status of [...errorStatuses].sort()) {
      responses[String(status)] = { description: 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
    }
    const headers = Object.entries(route.headers ?? {}).map(([name, header]) => ({ name, in: 'header', required: header.required, description: header.description, schema: { type: 'string' } }));
    const operation: JsonSchema = {
      summary: route.summary,
      tags: [route.tag],
      parameters: [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query'), ...headers],
      responses,
    };
    if (route.body) operation.requestBody = { required: true, content: { 'application/json': { schema: toSchema(route.body, 'input') } } };
    if (route.roles) operation.security = [{ bearer: [] }];
    (paths[openApiPath] ??= {})[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: { title: 'XR Assist API', version: packageJson.version, description: 'Catalog, guides, assist sessions and orders of XR Assist.' },
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { Error: toSchema(ErrorResponseSchema, 'output') },
    },
  };
}
