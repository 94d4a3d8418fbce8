// Ordering domain: delivery addresses, orders, their lines and status, reorders, and the HTTP payloads of orders.
import { z } from 'zod';
import { CentsSchema, SkuSchema, SlugSchema } from './catalog.ts';
import { LocalizedTextSchema } from './i18n.ts';
import { CURRENCY, MAX_ORDER_LINES } from './order-limits.ts';
import { oneLinePerSku, QuantitySchema, requiredText, strictObject } from './field-schemas.ts';

// ISO 3166-1 alpha-2, officially assigned codes.
export const COUNTRY_CODES: ReadonlySet<string> = new Set(
  ('AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM ' +
    'CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY ' +
    'HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF ' +
    'MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE ' +
    'RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ ' +
    'VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW').split(' '),
);

export const CountrySchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
  .trim()
  .toUpperCase()
  .refine((code) => COUNTRY_CODES.has(code), 'must be an ISO 3166-1 alpha-2 country code, e.g. "ES" or "DE"');

export const AddressSchema = strictObject({
  name: requiredText(100),
  street: requiredText(200),
  city: requiredText(100),
  postalCode: requiredText(16).regex(/^[A-Za-z0-9][A-Za-z0-9 -]*$/, 'must be letters, digits, spaces or dashes'),
  country: CountrySchema,
});
export type Address = z.infer<typeof AddressSchema>;

export const SavedAddressSchema = z.object({
  id: z.string(),
  name: z.string(),
  street: z.string(),
  city: z.string(),
  postalCode: z.string(),
  country: z.string(),
  createdAt: z.number().int(),
});
export type SavedAddress = z.infer<typeof SavedAddressSchema>;

export const AddressListSchema = z.object({ addresses: z.array(SavedAddressSchema) });
export type AddressList = z.infer<typeof AddressListSchema>;

export const ORDER_STATUSES = ['placed', 'confirmed', 'shipped', 'delivered', 'cancelled'] as const;
export const OrderStatusSchema = z.enum(ORDER_STATUSES);
export type OrderStatus = z.infer<typeof OrderStatusSchema>;

/** Where an order may go from each status: forward one step, or cancelled before it ships. */
export const ORDER_TRANSITIONS: Readonly<Record<OrderStatus, readonly OrderStatus[]>> = {
  placed: ['confirmed', 'cancelled'],
  confirmed: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: [],
  cancelled: [],
};

export function canMoveOrder(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

/** A line priced by the server: unit price at the time of the cart or order, and the line total. */
export const PricedLineSchema = z.object({
  sku: SkuSchema,
  name: LocalizedTextSchema,
  quantity: z.number().int(),
  unitPriceCents: CentsSchema,
  lineTotalCents: CentsSchema,
});
export type PricedLine = z.infer<typeof PricedLineSchema>;

export const OrderStatusChangeSchema = z.object({ status: OrderStatusSchema, at: z.number().int() });
export type OrderStatusChange = z.infer<typeof OrderStatusChangeSchema>;

/**
 * Where an order was placed: `ar` in an immersive AR session (the headset's HUD or a phone's AR overlay), `page` on a 2D
 * page (cart checkout, an agent's proposal on the page). Orders placed before migration 015, and API clients that do
 * not say, have none (`null`, counted as neither).
 */
export const ORDER_ORIGINS = ['page', 'ar'] as const;
export const OrderOriginSchema = z.enum(ORDER_ORIGINS);
export type OrderOrigin = z.infer<typeof OrderOriginSchema>;

export const OrderSchema = z.object({
  id: z.string(),
  /** Human order number, e.g. `XR-000123`. */
  number: z.string(),
  /** Null once the buyer erased their account (the order is kept for accounting, anonymised). */
  userId: z.string().nullable(),
  status: OrderStatusSchema,
  items: z.array(PricedLineSchema),
  totalCents: CentsSchema,
  currency: z.literal(CURRENCY),
  /** Null once the buyer erased their account. */
  address: AddressSchema.nullable(),
  /** The assist session the order was placed in, if any. */
  sessionId: z.string().nullable(),
  origin: OrderOriginSchema.nullable(),
  createdAt: z.number().int(),
  statusHistory: z.array(OrderStatusChangeSchema),
});
export type Order = z.infer<typeof OrderSchema>;

export function formatOrderNumber(sequence: number): string {
  return `XR-${String(sequence).padStart(6, '0')}`;
}

export const IdempotencyKeySchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required: send a unique key per order, reused only to retry it' : 'must be text') })
  .min(8, 'must be 8 to 128 characters')
  .max(128, 'must be 8 to 128 characters')
  .regex(/^[\x21-\x7e]+$/, 'must be visible ASCII characters without spaces');

const OrderLineRequestSchema = strictObject({
  sku: SkuSchema,
  quantity: QuantitySchema,
  /** The unit price the buyer was shown; refused when it is not the server's price. */
  unitPriceCents: CentsSchema.optional(),
});

const SessionIdSchema = z.string().min(1).max(64).nullable();

/** What a client sends to place an order. Prices are never taken from it; shown prices, when sent, are checked. */
export const PlaceOrderRequestSchema = strictObject({
  items: z
    .array(OrderLineRequestSchema, { error: (issue) => (issue.input === undefined ? 'is required' : 'must be a list of { sku, quantity }') })
    .min(1, 'must have at least one item')
    .max(MAX_ORDER_LINES, `must have at most ${MAX_ORDER_LINES} lines`)
    .superRefine(oneLinePerSku),
  /** A delivery address, or `addressId` of a saved one. */
  address: AddressSchema.optional(),
  addressId: z.string().min(1).max(64).optional(),
  /** Also keep `address` among the user's saved addresses. */
  saveAddress: z.boolean().optional(),
  sessionId: SessionIdSchema.optional(),
  /** Where the buyer placed it (see ORDER_ORIGINS); recorded with the order, not part of what makes a retry the same order. */
  origin: OrderOriginSchema.optional(),
  /** The total the buyer was shown; refused when it is not the server's total. */
  totalCents: CentsSchema.optional(),
  /** Remove the ordered parts from the user's cart in the same transaction. */
  clearCart: z.boolean().optional(),
});
export type PlaceOrderRequest = z.infer<typeof PlaceOrderRequestSchema>;

export const OrderResponseSchema = z.object({ order: OrderSchema });
export type OrderResponse = z.infer<typeof OrderResponseSchema>;

export const PlaceOrderResponseSchema = OrderResponseSchema.extend({
  /** True when this answers a retry of an idempotency key that had already placed the order. */
  replayed: z.boolean(),
});
export type PlaceOrderResponse = z.infer<typeof PlaceOrderResponseSchema>;

export const OrderListSchema = z.object({ orders: z.array(OrderSchema) });
export type OrderList = z.infer<typeof OrderListSchema>;

export const OrderListQuerySchema = z.object({
  limit: z.coerce.number().int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100').default(50),
});

/** `GET /api/admin/orders` (admin): everyone's orders, optionally of one status. */
export const AdminOrderListQuerySchema = OrderListQuerySchema.extend({ status: OrderStatusSchema.optional() });
export const AdminOrderListSchema = z.object({ orders: z.array(OrderSchema.extend({ buyer: z.object({ name: z.string(), email: z.string() }).nullable() })) });
export type AdminOrderList = z.infer<typeof AdminOrderListSchema>;

export const OrderIdParamsSchema = z.object({ id: z.uuid('must be an order id') });

export const SetOrderStatusBodySchema = strictObject({ status: OrderStatusSchema });

/** What the person ordered the last time they ordered a usual part: one tap orders this again. */
export const UsualLastOrderSchema = z.object({
  number: z.string(),
  orderedAt: z.number().int(),
  /** Parts have no variants besides their SKU: what is remembered is the quantity and where it went. */
  quantity: z.number().int(),
  /** Null when that order's address is no longer a valid delivery address (e.g. anonymised). */
  address: AddressSchema.nullable(),
});
export type UsualLastOrder = z.infer<typeof UsualLastOrderSchema>;

export const UsualItemSchema = z.object({
  sku: SkuSchema,
  name: LocalizedTextSchema,
  /** The quantity the user orders most often. */
  quantity: z.number().int(),
  timesOrdered: z.number().int(),
  lastOrderedAt: z.number().int(),
  /** The part's current price and stock. */
  unitPriceCents: CentsSchema,
  stock: z.number().int(),
  last: UsualLastOrderSchema,
});
export type UsualItem = z.infer<typeof UsualItemSchema>;

export const UsualListSchema = z.object({ items: z.array(UsualItemSchema) });
export type UsualList = z.infer<typeof UsualListSchema>;

/** `GET /api/orders/usual`: with `guideId`, only the parts of that guide's product. */
export const UsualQuerySchema = z.object({ guideId: SlugSchema.optional() });

/** Money for messages, e.g. `12.34 EUR`. */
export function formatCents(cents: number): string {
  return `${(cents / 100).toFixed(2)} ${CURRENCY}`;
}
