// Socket handlers alignment:save and alignment:get, the same checks as the HTTP routes.
import { AlignmentGetSchema, AlignmentSaveSchema } from '../../core/guide-protocol.ts';
import type { AppContext } from '../context.ts';
import { onEvent } from '../realtime/on-event.ts';
import type { SocketFeature } from '../realtime/realtime.ts';
import { requireUser } from '../sessions/session-access.ts';
import { getAlignment, saveAlignment } from './asset-alignments.ts';

export function createAlignmentFeature(ctx: AppContext): SocketFeature {
  const db = ctx.store.db;
  return (socket) => {
    onEvent(
      socket,
      'alignment:save',
      AlignmentSaveSchema,
      async ({ assetId, ...input }) => ({ alignment: await saveAlignment(db, requireUser(socket.data.user), assetId, input) }),
      ctx.log,
    );
    onEvent(
      socket,
      'alignment:get',
      AlignmentGetSchema,
      async ({ assetId }) => {
        requireUser(socket.data.user);
        return { alignment: await getAlignment(db, assetId) };
      },
      ctx.log,
    );
  };
}
