// The server-side cart that follows a user: its items and priced lines, and the HTTP payloads that change it.
import { z } from 'zod';
import { CentsSchema, SkuSchema } from './catalog.ts';
import { CURRENCY } from './order-limits.ts';
import { PricedLineSchema } from './order.ts';
import { quantity, QuantitySchema, strictObject } from './field-schemas.ts';

export const CartItemSchema = strictObject({ sku: SkuSchema, quantity: QuantitySchema });
export type CartItem = z.infer<typeof CartItemSchema>;

export const CartLineSchema = PricedLineSchema.extend({ stock: z.number().int(), consumable: z.boolean() });
export type CartLine = z.infer<typeof CartLineSchema>;

export const CartSchema = z.object({
  items: z.array(CartLineSchema),
  totalCents: CentsSchema,
  currency: z.literal(CURRENCY),
  updatedAt: z.number().int().nullable(),
});
export type Cart = z.infer<typeof CartSchema>;

export const CartResponseSchema = z.object({ cart: CartSchema });
export type CartResponse = z.infer<typeof CartResponseSchema>;

export const SetCartItemBodySchema = strictObject({ quantity: quantity(0) });
