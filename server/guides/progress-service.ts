// Progress through a guide per assist session: start or resume, apply actions once each, read; all checked and persisted.
import type { Kysely } from 'kysely';
import type { User } from '../../core/auth.ts';
import { AppError } from '../../core/errors.ts';
import type { Guide } from '../../core/guide.ts';
import { applyGuideAction, startGuide, type GuideProgress } from '../../core/guide-engine.ts';
import type { GuideActionRequestSchema, GuideActionResultPayload, GuideGetResult, GuideStartResult } from '../../core/guide-events.ts';
import type { SessionLogEntry } from '../../core/session.ts';
import type { z } from 'zod';
import type { Database, GuideProgressTable } from '../db/schema.ts';
import { requireActiveMember, requireMember } from '../sessions/session-access.ts';
import { appendEntries, updateSession } from '../sessions/session-repository.ts';
import { findGuide } from './guide-repository.ts';
import {
  claimAction,
  findCurrentProgress,
  findProgress,
  insertProgress,
  insertStepEvents,
  insertStepSignals,
  lockProgress,
  progressOf,
  recordActionResult,
  selectProgress,
  updateProgress,
} from './progress-repository.ts';
import { stepSignals } from './step-signals.ts';
import { stepTransitions } from './step-transitions.ts';

type Db = Kysely<Database>;
type ActionRequest = z.infer<typeof GuideActionRequestSchema>;

/** What others in the session room are told after a change; `entries` are the session log entries it appended. */
export interface ProgressChange {
  sessionId: string;
  guideId: string;
  version: number;
  progress: GuideProgress;
  by: string;
  actionId: string | null;
  at: number;
  entries: SessionLogEntry[];
}

export interface Outcome<T> {
  result: T;
  change: ProgressChange | null;
}

export interface GuideProgressService {
  start(user: User | null, sessionId: string, guideId: string): Promise<Outcome<GuideStartResult>>;
  act(user: User | null, request: ActionRequest): Promise<Outcome<GuideActionResultPayload>>;
  get(user: User | null, sessionId: string): Promise<GuideGetResult>;
}

/** An offline action keeps the time it was done, within [the previous change, now], so step timings stay true. */
const effectiveTime = (clientAt: number | undefined, previous: number, now: number) => Math.min(now, Math.max(previous, clientAt ?? now));

export function createGuideProgressService(db: Db): GuideProgressService {
  const versions = new Map<string, Promise<Guide>>();
  /** Stored versions never change, so each is read once; `executor` is the open transaction when there is one. */
  const guideAt = (executor: Db, guideId: string, version: number): Promise<Guide> => {
    const key = `${guideId}@${version}`;
    let guide = versions.get(key);
    if (!guide) {
      guide = findGuide(executor, guideId, { version }).then((stored) => {
        if (!stored) throw new AppError('not_found', `Guide "${guideId}" has no version ${version}.`);
        return stored.guide;
      });
      guide.catch(() => versions.delete(key));
      versions.set(key, guide);
    }
    return guide;
  };

  /** Step events, the session's `step.changed` entry and current step, in the caller's transaction. */
  const recordTransitions = async (trx: Db, row: GuideProgressTable, before: GuideProgress | null, after: GuideProgress, userId: string, at: number) => {
    const transitions = stepTransitions(before, after);
    const lastSeq = await insertStepEvents(trx, row, transitions, userId, at);
    await updateProgress(trx, row, after, lastSeq, at);
    if (transitions.length === 0) return [];
    await updateSession(trx, row.session_id, { current_step_id: after.currentStepId, guide_id: row.guide_id });
    const entered = transitions.find((transition) => transition.kind === 'entered');
    if (!entered) return [];
    return appendEntries(trx, row.session_id, [{ event: { type: 'step.changed', data: { stepId: entered.stepId } }, actorId: userId }], Date.now());
  };

  return {
    async start(user, sessionId, guideId) {
      const { user: member, session } = await requireActiveMember(db, user, sessionId);
      const latest = await findGuide(db, guideId);
      if (!latest) throw new AppError('not_found', `There is no published guide "${guideId}".`);
      if (latest.guide.productId !== session.product_id) {
        throw new AppError('bad_request', `Guide "${guideId}" is for ${latest.guide.productId}, but this session is about ${session.product_id}.`, [{ path: 'guideId', message: 'not a guide of the session product' }]);
      }
      return db.transaction().execute(async (trx): Promise<Outcome<GuideStartResult>> => {
        const now = Date.now();
        const progress = startGuide(latest.guide);
        const row: GuideProgressTable = {
          session_id: sessionId,
          guide_id: guideId,
          guide_version: latest.version,
          product_id: session.product_id,
          started_by: member.id,
          progress: JSON.stringify(progress),
          current_step_id: progress.currentStepId,
          revision: 0,
          last_event_seq: 0,
          started_at: now,
          selected_at: now,
          updated_at: now,
          finished_at: null,
        };
        if (!(await insertProgress(trx, row))) {
          await selectProgress(trx, sessionId, guideId, now);
          const existing = await findProgress(trx, sessionId, guideId);
          if (!existing) throw new AppError('internal', 'The guide progress vanished while it was resumed.');
          const version = Number(existing.guide_version);
          return { result: { guide: await guideAt(trx, guideId, version), version, progress: progressOf(existing), created: false }, change: null };
        }
        const entries = await recordTransitions(trx, row, null, progress, member.id, now);
        const change = { sessionId, guideId, version: latest.version, progress, by: member.id, actionId: null, at: now, entries };
        return { result: { guide: latest.guide, version: latest.version, progress, created: true }, change };
      });
    },

    async act(user, { sessionId, actionId, action, clientAt, guideId }) {
      const { user: member, role } = await requireActiveMember(db, user, sessionId);
      if (role === 'agent' && action.type !== 'goto') throw new AppError('forbidden', 'Agents move the guide by pushing a step (goto); the other actions are the requester’s.');
      const target = guideId === undefined ? await findCurrentProgress(db, sessionId) : await findProgress(db, sessionId, guideId);
      if (!target) throw new AppError('not_found', guideId === undefined ? 'No guide was started in this session yet.' : `Guide "${guideId}" was not started in this session.`);

      return db.transaction().execute(async (trx): Promise<Outcome<GuideActionResultPayload>> => {
        const now = Date.now();
        const claim = { session_id: sessionId, action_id: actionId, guide_id: target.guide_id, user_id: member.id, action: JSON.stringify(action), result: '', client_at: clientAt ?? null, applied_at: now };
        if (!(await claimAction(trx, claim))) {
          const current = await findProgress(trx, sessionId, target.guide_id);
          return { result: { progress: progressOf(current ?? target), applied: false }, change: null };
        }
        const row = await lockProgress(trx, sessionId, target.guide_id);
        if (!row) throw new AppError('not_found', `Guide "${target.guide_id}" was not started in this session.`);
        const version = Number(row.guide_version);
        const before = progressOf(row);
        const guide = await guideAt(trx, row.guide_id, version);
        const applied = applyGuideAction(guide, before, action);
        if (!applied.ok) throw new AppError('conflict', applied.message, [{ path: 'reason', message: applied.reason }]);
        const at = effectiveTime(clientAt, Number(row.updated_at), now);
        await insertStepSignals(trx, row, stepSignals(guide, before, action), member.id, at);
        const entries = await recordTransitions(trx, row, before, applied.progress, member.id, at);
        await recordActionResult(trx, sessionId, actionId, applied.progress);
        const change = { sessionId, guideId: row.guide_id, version, progress: applied.progress, by: member.id, actionId, at, entries };
        return { result: { progress: applied.progress, applied: true }, change };
      });
    },

    async get(user, sessionId) {
      await requireMember(db, user, sessionId);
      const row = await findCurrentProgress(db, sessionId);
      if (!row) return { guide: null, version: null, progress: null };
      const version = Number(row.guide_version);
      return { guide: await guideAt(db, row.guide_id, version), version, progress: progressOf(row) };
    },
  };
}
