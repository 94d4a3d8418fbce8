// An installed unit as a person reads it: the demo unit each product has until a QR code names a real one (its id as
// printed on that code, the unit's serial number).
import { z } from 'zod';

/** The unit a visit is about when no QR code named one. */
export function demoAssetId(productId: string): string {
  return `${productId}.demo-unit`;
}

export const UnitNameSchema = z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('demo') }), z.strictObject({ kind: z.literal('serial'), serial: z.string().min(1).max(64) })]);
export type UnitName = z.infer<typeof UnitNameSchema>;

export function unitName(productId: string, assetId: string): UnitName {
  return assetId === demoAssetId(productId) ? { kind: 'demo' } : { kind: 'serial', serial: assetId };
}
