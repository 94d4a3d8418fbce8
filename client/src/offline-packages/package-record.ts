// What this device keeps of each downloaded product: the URLs stored, their size, and the versions they were taken at.
import { z } from 'zod';
import { PACKAGES_KEY } from './packages-key.ts';

export const PackageRecordSchema = z.object({
  productId: z.string(),
  urls: z.array(z.string()),
  bytes: z.number().int().nonnegative(),
  /** The model's URL and each guide's published version when stored: a change means the package is stale. */
  modelUrl: z.string(),
  guides: z.record(z.string(), z.number().int().positive()),
  /** Stored beside the product's own: the media of the guide version an assist session runs, when downloaded there. */
  pinned: z.array(z.string()).default([]),
  savedAt: z.number(),
});
export type PackageRecord = z.infer<typeof PackageRecordSchema>;

const RecordsSchema = z.record(z.string(), PackageRecordSchema);
export type PackageRecords = z.infer<typeof RecordsSchema>;

type RecordStorage = Pick<Storage, 'getItem' | 'setItem'>;

export function readRecords(storage: RecordStorage = localStorage): PackageRecords {
  try {
    const parsed = RecordsSchema.safeParse(JSON.parse(storage.getItem(PACKAGES_KEY) ?? '{}'));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export function writeRecords(records: PackageRecords, storage: RecordStorage = localStorage): void {
  storage.setItem(PACKAGES_KEY, JSON.stringify(records));
}
