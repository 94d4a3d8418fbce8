// Who may do what in a session: an active member, the right member role, the session still open; who may read it later.
import type { Kysely } from 'kysely';
import type { User } from '../../core/auth.ts';
import { AppError } from '../../core/errors.ts';
import type { MemberRole } from '../../core/session.ts';
import type { AssistSessionsTable, Database } from '../db/schema.ts';
import { requireUser } from '../platform/signed-in.ts';
import { findMember, findSession, findSessionWithMember } from './session-repository.ts';

export interface SessionAccess {
  user: User;
  session: AssistSessionsTable;
  role: MemberRole;
}

export async function requireSession(db: Kysely<Database>, sessionId: string): Promise<AssistSessionsTable> {
  const session = await findSession(db, sessionId);
  if (!session) throw new AppError('not_found', `There is no session "${sessionId}".`);
  return session;
}

/** The caller is a current member (the requester, or an agent whose help is in progress). */
export async function requireMember(db: Kysely<Database>, user: User | null, sessionId: string): Promise<SessionAccess> {
  const signedIn = requireUser(user);
  const found = await findSessionWithMember(db, sessionId, signedIn.id);
  if (!found) throw new AppError('not_found', `There is no session "${sessionId}".`);
  if (!found.member || found.member.leftAt !== null) throw new AppError('forbidden', 'You are not a member of this session.');
  return { user: signedIn, session: found.session, role: found.member.role as MemberRole };
}

/** A current member of a session that has not ended, optionally with a given member role. */
export async function requireActiveMember(db: Kysely<Database>, user: User | null, sessionId: string, role?: MemberRole): Promise<SessionAccess> {
  const access = await requireMember(db, user, sessionId);
  if (role && access.role !== role) throw new AppError('forbidden', role === 'agent' ? 'Only the agent of this session can do this.' : 'Only the person who asked for help can do this.');
  if (access.session.status !== 'open') throw new AppError('conflict', 'This session has ended.');
  return access;
}

/** Who may read a session after the fact: admins, and anyone who is or was a member (with `agentsOnly`, only agents who were). */
export async function requireReader(db: Kysely<Database>, user: User | null, sessionId: string, agentsOnly: boolean): Promise<AssistSessionsTable> {
  const reader = requireUser(user);
  const session = await requireSession(db, sessionId);
  if (reader.role === 'admin') return session;
  const member = await findMember(db, sessionId, reader.id);
  if (!member || (agentsOnly && member.role !== 'agent')) throw new AppError('forbidden', 'Only the agents of this session and admins can read it.');
  return session;
}
