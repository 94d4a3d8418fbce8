// Help over HTTP: the open callback requests left when no agent was online.
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { CallbackSchema } from '../../core/help.ts';
import type { Database } from '../db/schema.ts';
import type { RouteTable } from '../http/define-route.ts';
import { requireUser } from '../platform/signed-in.ts';
import { listOpenCallbacks } from './help-repository.ts';

export function registerHelpRoutes(routes: RouteTable, db: Kysely<Database>): void {
  routes.define(
    { method: 'GET', path: '/api/help/callbacks', operationId: 'listCallbacks', tag: 'assist', summary: 'Open callback requests left when no agent was online, oldest first (an agent sees those of their skills and languages)', roles: ['agent', 'admin'], response: z.object({ callbacks: z.array(CallbackSchema) }) },
    async ({ user }) => {
      const reader = requireUser(user);
      return { callbacks: await listOpenCallbacks(db, 200, reader.role === 'admin' ? undefined : reader) };
    },
  );
}
