// Realtime cart: read and change the cart from any device, and an agent's proposal of parts in a session.
import { z } from 'zod';
import type { Ack } from './ack.ts';
import { SkuSchema } from './catalog.ts';
import { MAX_ORDER_LINES } from './order-limits.ts';
import { CartItemSchema, type CartResponse } from './cart.ts';
import type { EmptyPayloadSchema} from './field-schemas.ts';
import { oneLinePerSku, quantity, QuantitySchema, strictObject } from './field-schemas.ts';
import type { SessionLogEntry } from './session.ts';

export const SetCartItemEventSchema = strictObject({ sku: SkuSchema, quantity: quantity(0) });

/** `changeId`, unique per add on the client, makes a resent add (its answer was lost) count once. */
export const AddCartItemEventSchema = strictObject({ sku: SkuSchema, quantity: QuantitySchema, changeId: z.string().min(8).max(64).optional() });

/** An agent's proposal of parts for the requester of a session to order; it lands in the session log as `cart.proposed`. */
export const CartProposalSchema = strictObject({
  sessionId: z.uuid('must be a session id'),
  items: z
    .array(CartItemSchema, { error: (issue) => (issue.input === undefined ? 'is required' : 'must be a list of { sku, quantity }') })
    .min(1, 'must have at least one item')
    .max(MAX_ORDER_LINES, `must have at most ${MAX_ORDER_LINES} lines`)
    .superRefine(oneLinePerSku),
  note: z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters').optional(),
});
export type CartProposal = z.infer<typeof CartProposalSchema>;

export interface CartClientToServerEvents {
  'cart:get': (payload: z.input<typeof EmptyPayloadSchema>, ack: Ack<CartResponse>) => void;
  /** Sets a line's quantity; 0 removes it. */
  'cart:set-item': (payload: z.input<typeof SetCartItemEventSchema>, ack: Ack<CartResponse>) => void;
  /** Adds to a line's quantity (at most 99 in all). */
  'cart:add-item': (payload: z.input<typeof AddCartItemEventSchema>, ack: Ack<CartResponse>) => void;
  'cart:clear': (payload: z.input<typeof EmptyPayloadSchema>, ack: Ack<CartResponse>) => void;
  /** Agent of an open session: proposes parts to its requester (pushed to the session room as a `cart.proposed` entry). */
  'cart:propose': (payload: z.input<typeof CartProposalSchema>, ack: Ack<{ entry: SessionLogEntry }>) => void;
}

export interface CartServerToClientEvents {
  /** To every socket of the cart's owner after any change, from any device or the HTTP API. */
  'cart:updated': (payload: CartResponse) => void;
}
