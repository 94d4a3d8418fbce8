// "My data": the JSON export of everything the product holds about a person, and the request that erases their account.
import { z } from 'zod';
import { UserSchema } from './auth.ts';
import { strictObject } from './field-schemas.ts';

export const PERSONAL_DATA_FORMAT = 'xr-assist.personal-data/1';

/** One table's rows that concern the person, columns as stored (JSON text columns parsed), secrets left out. */
export const PersonalRowsSchema = z.array(z.record(z.string(), z.unknown()));

export const PersonalDataExportSchema = z.object({
  format: z.literal(PERSONAL_DATA_FORMAT),
  exportedAt: z.number().int(),
  user: UserSchema.extend({ createdAt: z.number().int() }),
  /** By table name: the person's own rows, and the rows of the sessions (with transcripts) and orders they took part in. */
  tables: z.record(z.string(), PersonalRowsSchema),
});
export type PersonalDataExport = z.infer<typeof PersonalDataExportSchema>;

/**
 * Erasing is confirmed twice: the account's e-mail address typed again (the same in every language) and the current
 * password, so a borrowed unlocked device cannot erase an account.
 */
export const EraseAccountRequestSchema = strictObject({
  confirmEmail: z.string().trim().toLowerCase().min(1, 'is required').max(320),
  password: z.string().min(1, 'is required').max(200),
});
export type EraseAccountRequest = z.infer<typeof EraseAccountRequestSchema>;

export const EraseAccountResponseSchema = z.object({
  erased: z.literal(true),
  /** Orders kept for accounting, with their lines and totals, no longer linked to anyone. */
  ordersKept: z.number().int().nonnegative(),
});
export type EraseAccountResponse = z.infer<typeof EraseAccountResponseSchema>;
