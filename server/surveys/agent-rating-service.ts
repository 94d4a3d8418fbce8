// The agents' rating rules: only the agent who helped rates a help, once it ended, and once; stored before the answer.
import { randomUUID } from 'node:crypto';
import type { User } from '../../core/auth.ts';
import type { AgentRating, StoredAgentRating } from '../../core/agent-rating.ts';
import { AppError } from '../../core/errors.ts';
import type { Store } from '../db/database.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';
import { findHelpRequest, insertRating, isRated, ratingsOf, toStoredRating } from './agent-rating-repository.ts';

export interface AgentRatingService {
  rate(rating: AgentRating, user: User): Promise<StoredAgentRating>;
  mine(user: User): Promise<StoredAgentRating[]>;
}

const rated = () => new AppError('conflict', 'You have already rated this help.', undefined, { reason: 'rating.answered' });

export function createAgentRatingService(store: Store, now: () => number): AgentRatingService {
  return {
    async rate(rating, user) {
      if (user.role !== 'agent') throw new AppError('forbidden', 'Only support agents rate the help they gave.');
      const request = await findHelpRequest(store.db, rating.requestId);
      if (!request || request.agent_id !== user.id) throw new AppError('not_found', `There is no help "${rating.requestId}" that you gave.`);
      if (request.status !== 'ended') throw new AppError('conflict', 'This help has not ended yet: rate it once it is over.', undefined, { reason: 'rating.not-ended' });
      const row = {
        id: randomUUID(),
        request_id: request.id,
        session_id: request.session_id,
        agent_id: user.id,
        product_id: request.product_id,
        difficulty: rating.difficulty,
        info_enough: rating.infoEnough ? 1 : 0,
        note: rating.note?.trim() || null,
        created_at: now(),
      };
      try {
        await store.write(async (trx) => {
          if (await isRated(trx, request.id)) throw rated();
          await insertRating(trx, row);
        });
      } catch (error) {
        throw isUniqueViolation(error) ? rated() : error;
      }
      return toStoredRating(row);
    },
    mine: (user) => ratingsOf(store.db, user.id),
  };
}
