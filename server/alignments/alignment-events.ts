// Socket events alignment:save and alignment:get, the same checks as the HTTP routes.
import { AlignmentGetSchema, AlignmentSaveSchema } from '../../core/asset-alignment-events.ts';
import type { AppContext } from '../platform/context.ts';
import { requireUser } from '../platform/signed-in.ts';
import type { EventTable } from '../realtime/event-table.ts';
import { findAlignment, saveAlignment } from './alignment-service.ts';

export function registerAlignmentEvents(events: EventTable, ctx: AppContext): void {
  const db = ctx.store.db;
  events.on('alignment:save', { schema: AlignmentSaveSchema, limit: 'none' }, async (socket, { assetId, ...input }) => ({ alignment: await saveAlignment(db, requireUser(socket.data.user), assetId, input) }));
  events.on('alignment:get', { schema: AlignmentGetSchema, limit: 'read' }, async (socket, { assetId }) => {
    requireUser(socket.data.user);
    return { alignment: await findAlignment(db, assetId) };
  });
}
