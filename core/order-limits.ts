// Ordering limits, alone in a module so the first pages can read them without loading zod.
export const MAX_LINE_QUANTITY = 99;
export const MAX_ORDER_LINES = 50;
export const CURRENCY = 'EUR';
/** Saved delivery addresses per user; saving one more asks to delete one first. */
export const MAX_SAVED_ADDRESSES = 20;
