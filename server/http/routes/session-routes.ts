// Session HTTP API: my sessions, a session's state, its transcript, "save as guide", and callback requests.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { User } from '../../../core/auth.ts';
import { AppError } from '../../../core/errors.ts';
import { GuideSchema } from '../../../core/guide.ts';
import { GuideStatusSchema } from '../../../core/guide-version.ts';
import { CallbackSchema } from '../../../core/help.ts';
import type { LocalizedText } from '../../../core/i18n.ts';
import { SessionIdSchema, SessionInfoSchema, SessionLogEntrySchema, SessionMemberSchema, SessionStateSchema } from '../../../core/session.ts';
import type { AppContext } from '../../context.ts';
import type { AssistSessionsTable } from '../../db/schema.ts';
import { getProduct } from '../../catalog/catalog-repository.ts';
import { requireSession, requireUser } from '../../sessions/session-access.ts';
import { findMember, listMembers, listSessionsOfUser, readLog, toSessionInfo } from '../../sessions/session-repository.ts';
import { loadSessionState } from '../../sessions/session-state.ts';
import { listOpenCallbacks } from '../../assist/help-repository.ts';
import { buildDraftGuide } from '../../assist/draft-guide.ts';
import { saveGuide } from '../../guides/guide-authoring.ts';
import { defineRoute, type RouteRegistry } from '../define-route.ts';

const SessionParamsSchema = z.object({ id: SessionIdSchema });
const TranscriptSchema = z.object({ session: SessionInfoSchema, members: z.array(SessionMemberSchema), entries: z.array(SessionLogEntrySchema) });
const MAX_TRANSCRIPT = 20_000;
const ALL_ROLES = ['customer', 'technician', 'agent', 'admin'] as const;

export function registerSessionRoutes(app: FastifyInstance, ctx: AppContext, registry: RouteRegistry): void {
  const db = ctx.store.db;

  /** Admins, and anyone who is or was a member (with `agentsOnly`, only agents who were). */
  const requireReader = async (user: User | null, sessionId: string, agentsOnly: boolean): Promise<AssistSessionsTable> => {
    const reader = requireUser(user);
    const session = await requireSession(db, sessionId);
    if (reader.role === 'admin') return session;
    const member = await findMember(db, sessionId, reader.id);
    if (!member || (agentsOnly && member.role !== 'agent')) throw new AppError('forbidden', 'Only the agents of this session and admins can read it.');
    return session;
  };

  defineRoute(
    app,
    ctx,
    registry,
    { method: 'GET', path: '/api/sessions', tag: 'assist', summary: 'Sessions I asked for help in or helped with, newest first', roles: ALL_ROLES, response: z.object({ sessions: z.array(SessionInfoSchema) }) },
    async ({ user }) => ({ sessions: (await listSessionsOfUser(db, requireUser(user).id, 50)).map(toSessionInfo) }),
  );

  defineRoute(
    app,
    ctx,
    registry,
    { method: 'GET', path: '/api/sessions/:id', tag: 'assist', summary: 'The state of a session: placement, step, annotations, call, members', roles: ALL_ROLES, params: SessionParamsSchema, response: SessionStateSchema, errors: [404] },
    async ({ user, params }) => {
      await requireReader(user, params.id, false);
      return loadSessionState(db, params.id);
    },
  );

  defineRoute(
    app,
    ctx,
    registry,
    { method: 'GET', path: '/api/sessions/:id/transcript', tag: 'assist', summary: 'The ordered session log, for the agents of the session and admins', roles: ['agent', 'admin'], params: SessionParamsSchema, response: TranscriptSchema, errors: [404] },
    async ({ user, params }) => {
      const session = await requireReader(user, params.id, true);
      return { session: toSessionInfo(session), members: await listMembers(db, session.id), entries: await readLog(db, session.id, 0, MAX_TRANSCRIPT) };
    },
  );

  defineRoute(
    app,
    ctx,
    registry,
    {
      method: 'POST',
      path: '/api/sessions/:id/draft-guide',
      tag: 'assist',
      summary: "Turns a session's pushed steps and annotations into a guide for its product, stored as a new draft version for an admin to publish",
      roles: ['agent', 'admin'],
      params: SessionParamsSchema,
      response: z.object({ guide: GuideSchema, version: z.number().int().positive(), status: GuideStatusSchema }),
      status: 201,
      errors: [400, 404, 409],
    },
    async ({ user, params }) => {
      const session = await requireReader(user, params.id, true);
      const product = await getProduct(db, session.product_id);
      const partNames = new Map<string, LocalizedText>((product?.parts ?? []).map((part) => [part.id, part.name]));
      const guide = buildDraftGuide({ session: toSessionInfo(session), entries: await readLog(db, session.id, 0, MAX_TRANSCRIPT), partNames });
      const { version, status } = await saveGuide(db, guide, 'draft', requireUser(user).id);
      return { guide, version, status };
    },
  );

  defineRoute(
    app,
    ctx,
    registry,
    { method: 'GET', path: '/api/help/callbacks', tag: 'assist', summary: 'Open callback requests left when no agent was online, oldest first (an agent sees those of their skills and languages)', roles: ['agent', 'admin'], response: z.object({ callbacks: z.array(CallbackSchema) }) },
    async ({ user }) => {
      const reader = requireUser(user);
      return { callbacks: await listOpenCallbacks(db, 200, reader.role === 'admin' ? undefined : reader) };
    },
  );
}
