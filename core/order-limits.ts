// Ordering limits, alone in a module so the first pages can read them without loading zod.
export const MAX_LINE_QUANTITY = 99;
export const MAX_ORDER_LINES = 50;
export const CURRENCY = 'EUR';
