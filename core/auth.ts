// Identity: roles, users as the API shows them, sign-in payloads and the claims carried in a token.
import { z } from 'zod';
import { PRODUCT_LINES } from './catalog.ts';
import { LanguageSchema } from './i18n.ts';

/**
 * `author` builds products in Studio (import, parts, landmarks, publish) but manages neither users nor orders;
 * `operator` reads Insights (figures of guides and surveys) and changes nothing.
 */
export const ROLES = ['customer', 'technician', 'agent', 'admin', 'author', 'operator'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const UserSchema = z.object({
  id: z.string(),
  email: z.string().email(),
  name: z.string(),
  role: RoleSchema,
  languages: z.array(LanguageSchema).min(1),
  /** Product lines an agent can support; empty for other roles. */
  skills: z.array(z.enum(PRODUCT_LINES)),
});
export type User = z.infer<typeof UserSchema>;

export const LoginRequestSchema = z.object({
  email: z.string().trim().toLowerCase().email('must be an e-mail address'),
  password: z.string().min(1, 'is required').max(200),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

/** What sign-in and renewal answer: a short-lived bearer token, how many seconds it is good for, and who it is for. */
export const LoginResponseSchema = z.object({ token: z.string(), expiresIn: z.number().int().positive(), user: UserSchema });
export type LoginResponse = z.infer<typeof LoginResponseSchema>;

/** The httpOnly cookie that holds a browser's sign-in (`id.secret`), sent only to `/api/auth`. */
export const REFRESH_COOKIE = 'xr_refresh';

/** `sid` names the sign-in the token was issued under: signing out revokes it, and every token it issued. */
export const TokenClaimsSchema = z.object({ sub: z.string(), role: RoleSchema, sid: z.string() });
export type TokenClaims = z.infer<typeof TokenClaimsSchema>;
