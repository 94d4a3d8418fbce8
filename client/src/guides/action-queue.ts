// Guide actions not yet acknowledged by the server: their stored shape and where each session's outbox is kept.
import { z } from 'zod';
import { GuideActionSchema } from '../../../core/guide-engine.ts';

export const QueuedActionSchema = z.object({
  actionId: z.string(),
  action: GuideActionSchema,
  clientAt: z.number(),
  guideId: z.string(),
});
export type QueuedAction = z.infer<typeof QueuedActionSchema>;

export function isQueuedAction(value: unknown): value is QueuedAction {
  return QueuedActionSchema.safeParse(value).success;
}

export function queueKey(sessionId: string): string {
  return `xr-assist.guide-queue.${sessionId}`;
}
