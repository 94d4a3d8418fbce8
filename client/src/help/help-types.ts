// Small shared shapes of the live-help client.
import type { z } from 'zod';
import type { LocalPointSchema } from '../../../core/annotation.ts';

export type LocalPoint = z.infer<typeof LocalPointSchema>;
