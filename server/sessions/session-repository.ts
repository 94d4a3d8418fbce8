// Session rows: the session, its members, its append-only log (seq bumped in the same transaction), annotations, open help.
import type { Kysely } from 'kysely';
import type { Language } from '../../core/languages.ts';
import type { ProductLine } from '../../core/catalog.ts';
import type { Annotation } from '../../core/annotation.ts';
import { sessionPoseChannel } from '../../core/pose-frame.ts';
import type { HelpSummary, MemberRole, SessionEvent, SessionInfo, SessionLogEntry, SessionMember, SessionStatus } from '../../core/session.ts';
import type { AssistSessionsTable, Database, HelpRequestsTable, SessionLogTable } from '../db/schema.ts';
import { preparedQuery } from '../db/prepared-query.ts';

type Db = Kysely<Database>;

export interface PendingEvent {
  event: SessionEvent;
  actorId: string | null;
  clientId?: string | undefined;
}

export function toSessionInfo(row: AssistSessionsTable): SessionInfo {
  return {
    id: row.id,
    productId: row.product_id,
    productLine: row.product_line as ProductLine,
    installedAssetId: row.installed_asset_id,
    guideId: row.guide_id,
    language: row.language as Language,
    requesterId: row.requester_id,
    status: row.status as SessionStatus,
    createdAt: Number(row.created_at),
    endedAt: row.ended_at === null ? null : Number(row.ended_at),
    poseChannel: sessionPoseChannel(row.id),
  };
}

export function toLogEntry(row: SessionLogTable): SessionLogEntry {
  return {
    sessionId: row.session_id,
    seq: Number(row.seq),
    at: Number(row.at),
    actorId: row.actor_id,
    ...(row.client_id === null ? {} : { clientId: row.client_id }),
    type: row.type,
    data: JSON.parse(row.data),
  } as SessionLogEntry;
}

export async function insertSession(db: Db, row: AssistSessionsTable): Promise<void> {
  await db.insertInto('assist_sessions').values(row).execute();
}

export async function findSession(db: Db, id: string): Promise<AssistSessionsTable | undefined> {
  return db.selectFrom('assist_sessions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateSession(db: Db, id: string, patch: Partial<Omit<AssistSessionsTable, 'id' | 'last_seq'>>): Promise<void> {
  if (Object.keys(patch).length === 0) return;
  await db.updateTable('assist_sessions').set(patch).where('id', '=', id).execute();
}

export async function listMembers(db: Db, sessionId: string): Promise<SessionMember[]> {
  const rows = await db
    .selectFrom('session_members')
    .innerJoin('users', 'users.id', 'session_members.user_id')
    .select(['session_members.user_id', 'users.name', 'session_members.role', 'session_members.joined_at', 'session_members.left_at'])
    .where('session_members.session_id', '=', sessionId)
    .orderBy('session_members.joined_at')
    .execute();
  return rows.map((row) => ({
    userId: row.user_id,
    name: row.name,
    role: row.role as MemberRole,
    joinedAt: Number(row.joined_at),
    leftAt: row.left_at === null ? null : Number(row.left_at),
  }));
}

const sessionWithMember = preparedQuery(2, (db: Db, sessionId: string, userId: string) =>
  db
    .selectFrom('assist_sessions')
    .leftJoin('session_members', (join) => join.onRef('session_members.session_id', '=', 'assist_sessions.id').on('session_members.user_id', '=', userId))
    .selectAll('assist_sessions')
    .select(['session_members.role as member_role', 'session_members.left_at as member_left_at'])
    .where('assist_sessions.id', '=', sessionId),
);

/** The session and, when the user is or was a member, their membership: one query for every event's access check. */
export async function findSessionWithMember(db: Db, sessionId: string, userId: string) {
  const [row] = await sessionWithMember(db, sessionId, userId);
  if (!row) return undefined;
  const { member_role: role, member_left_at: leftAt, ...session } = row;
  return { session: session as AssistSessionsTable, member: role === null ? null : { role, leftAt } };
}

export async function findMember(db: Db, sessionId: string, userId: string) {
  return db.selectFrom('session_members').selectAll().where('session_id', '=', sessionId).where('user_id', '=', userId).executeTakeFirst();
}

/** Adds a member, or brings back one who left (an agent who takes the session again). */
export async function upsertMember(db: Db, sessionId: string, userId: string, role: MemberRole, now: number): Promise<void> {
  await db
    .insertInto('session_members')
    .values({ session_id: sessionId, user_id: userId, role, joined_at: now, left_at: null })
    .onConflict((oc) => oc.columns(['session_id', 'user_id']).doUpdateSet({ left_at: null, joined_at: now, role }))
    .execute();
}

export async function markMemberLeft(db: Db, sessionId: string, userId: string, now: number): Promise<void> {
  await db.updateTable('session_members').set({ left_at: now }).where('session_id', '=', sessionId).where('user_id', '=', userId).where('left_at', 'is', null).execute();
}

const bumpLastSeq = preparedQuery(2, (db: Db, sessionId: string, count: number) =>
  db
    .updateTable('assist_sessions')
    .set((eb) => ({ last_seq: eb('last_seq', '+', count) }))
    .where('id', '=', sessionId)
    .returning('last_seq'),
);

const insertLogRow = preparedQuery(7, (db: Db, sessionId: string, seq: number, type: string, actorId: string | null, clientId: string | null, data: string, at: number) =>
  db.insertInto('session_log').values({ session_id: sessionId, seq, type, actor_id: actorId, client_id: clientId, data, at }),
);

/** Appends events with consecutive seqs; run inside a transaction so the seq bump and the rows commit together. */
export async function appendEntries(db: Db, sessionId: string, events: PendingEvent[], now: number): Promise<SessionLogEntry[]> {
  const [bumped] = await bumpLastSeq(db, sessionId, events.length);
  if (!bumped) throw new Error(`There is no session "${sessionId}" to append to.`);
  const first = Number(bumped.last_seq) - events.length + 1;
  const rows: SessionLogTable[] = events.map(({ event, actorId, clientId }, index) => ({
    session_id: sessionId,
    seq: first + index,
    type: event.type,
    actor_id: actorId,
    client_id: clientId ?? null,
    data: JSON.stringify(event.data),
    at: now,
  }));
  for (const row of rows) await insertLogRow(db, row.session_id, row.seq, row.type, row.actor_id, row.client_id, row.data, row.at);
  return rows.map(toLogEntry);
}

const entryByClientId = preparedQuery(2, (db: Db, sessionId: string, clientId: string) =>
  db.selectFrom('session_log').selectAll().where('session_id', '=', sessionId).where('client_id', '=', clientId),
);

export async function findEntryByClientId(db: Db, sessionId: string, clientId: string): Promise<SessionLogEntry | null> {
  const [row] = await entryByClientId(db, sessionId, clientId);
  return row ? toLogEntry(row) : null;
}

export async function readLog(db: Db, sessionId: string, sinceSeq: number, limit: number): Promise<SessionLogEntry[]> {
  const rows = await db.selectFrom('session_log').selectAll().where('session_id', '=', sessionId).where('seq', '>', sinceSeq).orderBy('seq').limit(limit).execute();
  return rows.map(toLogEntry);
}

export async function listAnnotations(db: Db, sessionId: string): Promise<Annotation[]> {
  const rows = await db.selectFrom('session_annotations').select('data').where('session_id', '=', sessionId).orderBy('created_at').orderBy('id').execute();
  return rows.map((row) => JSON.parse(row.data) as Annotation);
}

const insertAnnotationRow = preparedQuery(4, (db: Db, id: string, sessionId: string, data: string, createdAt: number) =>
  db.insertInto('session_annotations').values({ id, session_id: sessionId, data, created_at: createdAt }),
);

export async function insertAnnotation(db: Db, annotation: Annotation): Promise<void> {
  await insertAnnotationRow(db, annotation.id, annotation.sessionId, JSON.stringify(annotation), annotation.createdAt);
}

export async function deleteAnnotation(db: Db, sessionId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('session_annotations').where('session_id', '=', sessionId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** Sessions a user requested or helped with, newest first. */
export async function listSessionsOfUser(db: Db, userId: string, limit: number): Promise<AssistSessionsTable[]> {
  return db
    .selectFrom('assist_sessions')
    .selectAll('assist_sessions')
    .where((eb) => eb.or([eb('requester_id', '=', userId), eb.exists(eb.selectFrom('session_members').select('user_id').whereRef('session_members.session_id', '=', 'assist_sessions.id').where('session_members.user_id', '=', userId))]))
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

/** The session's help request that is still waiting or in progress: part of the session's state. */
export async function findOpenHelpRequest(db: Db, sessionId: string): Promise<HelpRequestsTable | undefined> {
  return db.selectFrom('help_requests').selectAll().where('session_id', '=', sessionId).where('status', 'in', ['waiting', 'active']).orderBy('created_at', 'desc').executeTakeFirst();
}

export function toHelpSummary(row: HelpRequestsTable): HelpSummary {
  return { requestId: row.id, status: row.status as 'waiting' | 'active', agentId: row.agent_id, createdAt: Number(row.created_at) };
}
