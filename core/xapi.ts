// xAPI 1.0.3 statements of guide runs and step visits (what the download holds and a Learning Record Store receives),
// and the download's filter.
import { z } from 'zod';
import { SlugSchema } from './catalog.ts';

export const XAPI_VERSION = '1.0.3';

export const XAPI_VERBS = {
  attempted: 'http://adlnet.gov/expapi/verbs/attempted',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  experienced: 'http://adlnet.gov/expapi/verbs/experienced',
} as const;
export type XapiVerb = keyof typeof XAPI_VERBS;

export const XAPI_ACTIVITY_TYPES = {
  guide: 'http://adlnet.gov/expapi/activities/module',
  step: 'http://adlnet.gov/expapi/activities/interaction',
} as const;

const epochMs = z.coerce.number().int().nonnegative();

/** Statements of one guide (every guide when absent) whose event happened in the period. */
export const XapiExportSchema = z
  .object({ guideId: SlugSchema.optional(), from: epochMs.optional(), to: epochMs.optional() })
  .strict()
  .refine((filter) => filter.from === undefined || filter.to === undefined || filter.from < filter.to, { path: ['to'], message: 'must be after from' });
export type XapiExport = z.infer<typeof XapiExportSchema>;

const ActivitySchema = z.object({ objectType: z.literal('Activity'), id: z.string(), definition: z.object({ type: z.string() }).optional() });

export const XapiStatementSchema = z.object({
  id: z.uuid(),
  actor: z.object({ objectType: z.literal('Agent'), account: z.object({ homePage: z.string(), name: z.string() }) }),
  verb: z.object({ id: z.string(), display: z.record(z.string(), z.string()) }),
  object: ActivitySchema,
  result: z.object({ completion: z.boolean().optional(), duration: z.string().optional() }).optional(),
  context: z.object({
    registration: z.uuid().optional(),
    platform: z.string(),
    language: z.string(),
    contextActivities: z.object({ parent: z.array(ActivitySchema) }).optional(),
    extensions: z.record(z.string(), z.unknown()),
  }),
  timestamp: z.string(),
  version: z.literal(XAPI_VERSION),
});
export type XapiStatement = z.infer<typeof XapiStatementSchema>;

/** Milliseconds as an ISO 8601 duration in seconds, e.g. 75 500 → `PT75.5S` (xAPI keeps 0.01 s precision). */
export function isoDuration(ms: number): string {
  const centiseconds = Math.max(0, Math.round(ms / 10));
  const seconds = (centiseconds / 100).toFixed(2).replace(/\.?0+$/, '');
  return `PT${seconds === '' ? '0' : seconds}S`;
}

/** A statement the Learning Record Store refused for good, with its answer, newest first. */
export const XapiRefusedSchema = z.object({
  refused: z.array(z.object({ source: z.string(), statementId: z.uuid(), status: z.number().int(), answer: z.string(), statement: z.unknown(), refusedAt: z.number().int() })),
});
export type XapiRefused = z.infer<typeof XapiRefusedSchema>;
