// The agent rating's realtime event: the agent console sends it once the agent ended the help; acked once stored.
import type { z } from 'zod';
import type { Ack } from './ack.ts';
import type { AgentRatingSchema, StoredAgentRating } from './agent-rating.ts';

export interface AgentRatingClientToServerEvents {
  /** Rates a help the agent ended, once (409 `rating.answered` after). */
  'help:rate': (payload: z.input<typeof AgentRatingSchema>, ack: Ack<{ rating: StoredAgentRating }>) => void;
}
