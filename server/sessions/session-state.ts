// Reads a session's replayable state, a page of its log in one consistent snapshot, or its whole log.
import type { Kysely } from 'kysely';
import { type CallState, type SessionLogEntry, type SessionState, MAX_LOG_PAGE } from '../../core/session.ts';
import type { SessionJoinResult } from '../../core/session-events.ts';
import type { RigidTransform } from '../../core/geometry.ts';
import type { Database } from '../db/schema.ts';
import { findOpenHelpRequest, findSession, listAnnotations, listMembers, readLog, toHelpSummary, toSessionInfo } from './session-repository.ts';

export async function loadSessionState(db: Kysely<Database>, sessionId: string): Promise<SessionState> {
  const row = await findSession(db, sessionId);
  if (!row) throw new Error(`session ${sessionId} vanished`);
  const help = await findOpenHelpRequest(db, sessionId);
  return {
    session: toSessionInfo(row),
    members: await listMembers(db, sessionId),
    placement: row.placement ? (JSON.parse(row.placement) as RigidTransform) : null,
    currentStepId: row.current_step_id,
    highlightedPartId: row.highlighted_part_id,
    annotations: await listAnnotations(db, sessionId),
    call: row.active_call ? (JSON.parse(row.active_call) as CallState) : null,
    help: help ? toHelpSummary(help) : null,
    lastSeq: Number(row.last_seq),
  };
}

/** The most of a log a transcript or a draft guide reads. */
const MAX_WHOLE_LOG = 20_000;

export async function readWholeLog(db: Kysely<Database>, sessionId: string): Promise<SessionLogEntry[]> {
  return readLog(db, sessionId, 0, MAX_WHOLE_LOG);
}

export async function readLogPage(db: Kysely<Database>, sessionId: string, sinceSeq: number) {
  const page = await readLog(db, sessionId, sinceSeq, MAX_LOG_PAGE + 1);
  return { log: page.slice(0, MAX_LOG_PAGE), hasMore: page.length > MAX_LOG_PAGE };
}

export async function loadJoinResult(db: Kysely<Database>, sessionId: string, sinceSeq: number): Promise<SessionJoinResult> {
  return db.transaction().execute(async (trx) => ({ state: await loadSessionState(trx, sessionId), ...(await readLogPage(trx, sessionId, sinceSeq)) }));
}
