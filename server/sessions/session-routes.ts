// Session HTTP API: my sessions, a session's state, and its transcript.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { SessionIdSchema, SessionInfoSchema, SessionLogEntrySchema, SessionMemberSchema, SessionStateSchema } from '../../core/session.ts';
import type { Database } from '../db/schema.ts';
import type { RouteTable } from '../http/define-route.ts';
import { requireUser } from '../platform/signed-in.ts';
import { requireReader } from './session-access.ts';
import { listMembers, listSessionsOfUser, toSessionInfo } from './session-repository.ts';
import { loadSessionState, readWholeLog } from './session-state.ts';

export const SessionParamsSchema = z.object({ id: SessionIdSchema });
const TranscriptSchema = z.object({ session: SessionInfoSchema, members: z.array(SessionMemberSchema), entries: z.array(SessionLogEntrySchema) });
const ALL_ROLES = ['customer', 'technician', 'agent', 'admin'] as const;

export function registerSessionRoutes(routes: RouteTable, db: Kysely<Database>): void {
  routes.define(
    { method: 'GET', path: '/api/sessions', operationId: 'listSessions', tag: 'assist', summary: 'Sessions I asked for help in or helped with, newest first', roles: ALL_ROLES, response: z.object({ sessions: z.array(SessionInfoSchema) }) },
    async ({ user }) => ({ sessions: (await listSessionsOfUser(db, requireUser(user).id, 50)).map(toSessionInfo) }),
  );

  routes.define(
    { method: 'GET', path: '/api/sessions/:id', operationId: 'getSession', tag: 'assist', summary: 'The state of a session: placement, step, annotations, call, members', roles: ALL_ROLES, params: SessionParamsSchema, response: SessionStateSchema, errors: [404] },
    async ({ user, params }) => {
      await requireReader(db, user, params.id, false);
      return loadSessionState(db, params.id);
    },
  );

  routes.define(
    { method: 'GET', path: '/api/sessions/:id/transcript', operationId: 'getSessionTranscript', tag: 'assist', summary: 'The ordered session log, for the agents of the session and admins', roles: ['agent', 'admin'], params: SessionParamsSchema, response: TranscriptSchema, errors: [404] },
    async ({ user, params }) => {
      const session = await requireReader(db, user, params.id, true);
      return { session: toSessionInfo(session), members: await listMembers(db, session.id), entries: await readWholeLog(db, session.id) };
    },
  );
}
