// Zod builds fast object parsers with `new Function` (probing for it first) unless told not to; the page's
// Content-Security-Policy forbids eval, so it is told so before any schema runs. Only zod's tiny config module is imported.
import { config } from 'zod/v4/core';

config({ jitless: true });
