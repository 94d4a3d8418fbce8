// Annotation events: pin an annotation on a product part in a session, or remove it.
import { z } from 'zod';
import type { Ack } from './ack.ts';
import { AnnotationDraftShape, inkPointsMatchKind, type Annotation } from './annotation.ts';
import { ClientIdSchema, SessionIdSchema, type SessionLogEntry } from './session.ts';

export const AnnotationAddSchema = z.strictObject({ sessionId: SessionIdSchema, clientId: ClientIdSchema.optional(), ...AnnotationDraftShape }).refine(...inkPointsMatchKind);
export const AnnotationRemoveSchema = z.strictObject({ sessionId: SessionIdSchema, annotationId: z.uuid() });

export interface AnnotationClientToServerEvents {
  'annotation:add': (payload: z.input<typeof AnnotationAddSchema>, ack: Ack<{ annotation: Annotation; entry: SessionLogEntry; duplicate: boolean }>) => void;
  'annotation:remove': (payload: z.input<typeof AnnotationRemoveSchema>, ack: Ack<{ entry: SessionLogEntry }>) => void;
}
