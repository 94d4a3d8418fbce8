// Realtime events to save and read the alignment of an installed unit.
import { z } from 'zod';
import type { Ack } from './ack.ts';
import { AlignmentInputSchema, AssetIdSchema, type AssetAlignment } from './asset-alignment.ts';

export const AlignmentSaveSchema = AlignmentInputSchema.extend({ assetId: AssetIdSchema });
export const AlignmentGetSchema = z.strictObject({ assetId: AssetIdSchema });

export interface AlignmentClientToServerEvents {
  /** Technicians and admins: saves the alignment of an installed unit. */
  'alignment:save': (payload: z.input<typeof AlignmentSaveSchema>, ack: Ack<{ alignment: AssetAlignment }>) => void;
  /** Any signed-in user: the saved alignment, or null for a unit never aligned. */
  'alignment:get': (payload: z.input<typeof AlignmentGetSchema>, ack: Ack<{ alignment: AssetAlignment | null }>) => void;
}
