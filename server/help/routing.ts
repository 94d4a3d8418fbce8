// Routing rules: which agent may take which request, queue positions and the estimated wait. Pure functions.
import type { ProductLine } from '../../core/catalog.ts';
import type { Language } from '../../core/languages.ts';
import type { QueueItem } from '../../core/help.ts';
import type { WaitingRequest } from './help-repository.ts';

export interface AgentProfile {
  id: string;
  skills: readonly ProductLine[];
  languages: readonly Language[];
}

/** Used for the wait estimate until real acceptance times exist. */
export const DEFAULT_WAIT_SECONDS = 90;

export function speaksAndKnows(agent: AgentProfile, productLine: ProductLine, language: Language): boolean {
  return agent.skills.includes(productLine) && agent.languages.includes(language);
}

/** A request transferred by name is only for that agent; otherwise skill and language must match and not declined. */
export function canTake(agent: AgentProfile, request: Pick<WaitingRequest, 'productLine' | 'language' | 'targetAgentId' | 'declinedBy'>): boolean {
  if (request.targetAgentId !== null) return request.targetAgentId === agent.id;
  return speaksAndKnows(agent, request.productLine, request.language) && !request.declinedBy.includes(agent.id);
}

export function queueFor(agent: AgentProfile, waiting: readonly WaitingRequest[]): QueueItem[] {
  return waiting.filter((request) => canTake(agent, request)).map(({ targetAgentId: _target, declinedBy: _declined, ...item }) => item);
}

/** 1 + the older waiting requests that compete for the same agents (same product line and language). */
export function positionOf(request: WaitingRequest, waiting: readonly WaitingRequest[]): number {
  if (request.targetAgentId !== null) return 1;
  let ahead = 0;
  for (const other of waiting) {
    if (other.requestId === request.requestId) break;
    if (other.targetAgentId === null && other.productLine === request.productLine && other.language === request.language) ahead += 1;
  }
  return ahead + 1;
}

export function estimateWaitSeconds(position: number, meanWaitMs: number | null, agentsOnline: number): number {
  const perRequest = meanWaitMs === null ? DEFAULT_WAIT_SECONDS : Math.max(5, meanWaitMs / 1000);
  return Math.ceil((perRequest * position) / Math.max(1, agentsOnline));
}
