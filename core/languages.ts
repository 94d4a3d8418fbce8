// The languages the product speaks, alone in a module so the client can read them without loading zod.
export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];
