// Socket events to pin annotations on product parts and to remove them, persisted in the session log and state.
import { timeOrderedId } from '../platform/time-ordered-id.ts';
import { AppError } from '../../core/errors.ts';
import { AnnotationAddSchema, AnnotationRemoveSchema } from '../../core/annotation-events.ts';
import type { Annotation } from '../../core/annotation.ts';
import type { AppContext } from '../platform/context.ts';
import type { EventTable } from '../realtime/event-table.ts';
import type { ProductParts } from '../catalog/product-parts.ts';
import { requireActiveMember } from './session-access.ts';
import type { SessionHub } from './session-hub.ts';
import { deleteAnnotation, insertAnnotation } from './session-repository.ts';

export function registerAnnotationEvents(table: EventTable, ctx: AppContext, hub: SessionHub, parts: ProductParts): void {
  const db = ctx.store.db;

  table.on('annotation:add', { schema: AnnotationAddSchema, limit: 'session-write' }, async (socket, { sessionId, clientId, ...draft }) => {
    const { user, session } = await requireActiveMember(db, socket.data.user, sessionId);
    await parts.requirePart(session.product_id, draft.partId);
    // Time-ordered ids append to the annotation id index instead of dirtying a random page of it on every insert.
    const annotation: Annotation = { id: timeOrderedId(), sessionId, ...draft, authorId: user.id, createdAt: Date.now() };
    const { entries, duplicate } = await hub.commit(sessionId, [{ event: { type: 'annotation.added', data: { annotation } }, actorId: user.id, clientId }], {
      exceptSocketId: socket.id,
      apply: (trx) => insertAnnotation(trx, annotation),
    });
    const entry = entries[0] as (typeof entries)[number];
    return { annotation: entry.type === 'annotation.added' ? entry.data.annotation : annotation, entry, duplicate };
  });

  table.on('annotation:remove', { schema: AnnotationRemoveSchema, limit: 'session-write' }, async (socket, { sessionId, annotationId }) => {
    const { user } = await requireActiveMember(db, socket.data.user, sessionId);
    const { entries } = await hub.commit(sessionId, [{ event: { type: 'annotation.removed', data: { annotationId } }, actorId: user.id }], {
      exceptSocketId: socket.id,
      apply: async (trx) => {
        if (!(await deleteAnnotation(trx, sessionId, annotationId))) throw new AppError('not_found', 'This annotation is not in the session (it may be removed already).');
      },
    });
    return { entry: entries[0] as (typeof entries)[number] };
  });
}
