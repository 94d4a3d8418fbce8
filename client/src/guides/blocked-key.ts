// Maps a refusal reason to the runner's translated explanation key.
import type { GuideRefusalReason } from '../../../core/guide-engine.ts';

const EXPLAINED = ['warning_unacknowledged', 'measurement_missing', 'answer_missing', 'confirmation_missing', 'guide_finished'] as const;
export type BlockedKey = (typeof EXPLAINED)[number] | 'other';

export function blockedKey(reason: GuideRefusalReason): BlockedKey {
  return (EXPLAINED as readonly string[]).includes(reason) ? (reason as BlockedKey) : 'other';
}
