// Who may do what in a session: signed in, an active member, the right member role, and the session still open.
import type { Kysely } from 'kysely';
import type { User } from '../../core/auth.ts';
import { AppError } from '../../core/errors.ts';
import type { MemberRole } from '../../core/session.ts';
import type { AssistSessionsTable, Database } from '../db/schema.ts';
import { findSession, findSessionWithMember } from './session-repository.ts';

export interface SessionAccess {
  user: User;
  session: AssistSessionsTable;
  role: MemberRole;
}

export function requireUser(user: User | null): User {
  if (!user) throw new AppError('unauthorized', 'Please sign in to do this.');
  return user;
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
