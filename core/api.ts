// HTTP API payload schemas shared by the server (validation, OpenAPI) and the client (typed fetch).
import { z } from 'zod';
import { ErrorBodySchema } from './errors.ts';
import { ProductSummarySchema, SkuSchema, SlugSchema } from './catalog.ts';

export const HealthSchema = z.object({
  status: z.literal('ok'),
  version: z.string(),
  protocolVersion: z.number().int(),
  database: z.enum(['sqlite', 'postgres']),
  uptimeSeconds: z.number(),
});
export type Health = z.infer<typeof HealthSchema>;

export const ProductListSchema = z.object({ products: z.array(ProductSummarySchema) });
export type ProductList = z.infer<typeof ProductListSchema>;

export const ProductIdParamsSchema = z.object({ id: SlugSchema });
export const SkuParamsSchema = z.object({ sku: SkuSchema });

export const ErrorResponseSchema = z.object({ error: ErrorBodySchema });
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
