// Zod builds fast object parsers with `new Function` (probing for it first) unless told not to; the page's
// Content-Security-Policy forbids eval, so it is told so before any schema runs. Zod reads its config from
// `globalThis.__zod_globalConfig` and documents filling it in before it loads: the first pages then ship no zod at all.
import type { $ZodConfig } from 'zod/v4/core';

const host = globalThis as typeof globalThis & { __zod_globalConfig?: $ZodConfig };
host.__zod_globalConfig = Object.assign(host.__zod_globalConfig ?? {}, { jitless: true });
