// A point in a part's own frame, as annotations and pings carry it.
import type { z } from 'zod';
import type { LocalPointSchema } from '../../../core/annotation.ts';

export type LocalPoint = z.infer<typeof LocalPointSchema>;
