// Field schemas whose messages a person understands: required text, quantities, strict objects that name unknown fields.
import { z } from 'zod';
import { MAX_LINE_QUANTITY } from './order-limits.ts';

const unknownKeys = (issue: { code: string; keys?: string[] }) =>
  issue.code === 'unrecognized_keys' && issue.keys ? `has unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `"${key}"`).join(', ')}` : undefined;

/** An object that refuses fields it does not know, saying which ones. */
export function strictObject<T extends z.core.$ZodLooseShape>(shape: T) {
  return z.strictObject(shape, { error: unknownKeys });
}

export function requiredText(max: number) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
    .trim()
    .min(1, 'is required')
    .max(max, `must be at most ${max} characters`);
}

/** A line's quantity from `min` to MAX_LINE_QUANTITY. */
export function quantity(min: number) {
  return z
    .number({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a number') })
    .int('must be a whole number')
    .min(min, min === 0 ? 'must be 0 (to remove) or more' : `must be at least ${min}`)
    .max(MAX_LINE_QUANTITY, `must be at most ${MAX_LINE_QUANTITY}`);
}

/** Quantity of one line of a cart or an order. */
export const QuantitySchema = quantity(1);

/** Refuses a list that names a SKU twice. */
export function oneLinePerSku(items: ReadonlyArray<{ sku: string }>, ctx: z.RefinementCtx): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item.sku)) ctx.addIssue({ code: 'custom', path: [index, 'sku'], message: `"${item.sku}" appears twice: put its whole quantity on one line` });
    seen.add(item.sku);
  });
}

/** `{}`: the payload of events that need none. */
export const EmptyPayloadSchema = strictObject({});
