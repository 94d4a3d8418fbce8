// The activity's realtime event: the agent helping in a request reads the requester's timeline with the friction they met.
import { z } from 'zod';
import type { Ack } from './ack.ts';
import { ActivityCursorSchema, ACTIVITY_PAGE_MAX, ACTIVITY_PAGE_DEFAULT, type RequesterTimeline } from './activity.ts';

export const RequesterTimelineRequestSchema = z.strictObject({
  requestId: z.uuid(),
  before: ActivityCursorSchema.optional(),
  limit: z.number().int().min(1).max(ACTIVITY_PAGE_MAX).default(ACTIVITY_PAGE_DEFAULT),
});

export interface ActivityClientToServerEvents {
  /** The agent helping in the request only: the requester's timeline, newest first, and the friction in its sessions. */
  'help:timeline': (payload: z.input<typeof RequesterTimelineRequestSchema>, ack: Ack<RequesterTimeline>) => void;
}
