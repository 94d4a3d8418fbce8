// Signed access tokens (JWT, HS256) carried by HTTP `Authorization: Bearer` and the Socket.IO handshake; short-lived.
import { SignJWT, jwtVerify } from 'jose';
import { TokenClaimsSchema, type TokenClaims } from '../../core/auth.ts';

const ISSUER = 'xr-assist';

export interface TokenService {
  /** How long a token is good for, in seconds. */
  readonly lifetimeSeconds: number;
  sign(claims: TokenClaims): Promise<string>;
  /** The claims of a valid token, or null for a missing, expired, forged or malformed one. */
  verify(token: string): Promise<TokenClaims | null>;
}

/** Verified tokens are remembered until they expire, so each request does not redo the signature check. */
const CACHE_CAPACITY = 10_000;

export function createTokenService(secret: string, lifetimeSeconds: number): TokenService {
  const key = new TextEncoder().encode(secret);
  const verified = new Map<string, { claims: TokenClaims; expiresAt: number }>();
  return {
    lifetimeSeconds,
    sign: (claims) =>
      new SignJWT({ role: claims.role, sid: claims.sid })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(claims.sub)
        .setIssuer(ISSUER)
        .setIssuedAt()
        .setExpirationTime(`${lifetimeSeconds}s`)
        .sign(key),
    async verify(token) {
      const cached = verified.get(token);
      if (cached && cached.expiresAt > Date.now()) return cached.claims;
      verified.delete(token);
      try {
        const { payload } = await jwtVerify(token, key, { issuer: ISSUER, algorithms: ['HS256'] });
        const claims = TokenClaimsSchema.safeParse(payload);
        if (!claims.success) return null;
        if (verified.size >= CACHE_CAPACITY) verified.clear();
        verified.set(token, { claims: claims.data, expiresAt: (payload.exp ?? 0) * 1000 });
        return claims.data;
      } catch {
        return null;
      }
    },
  };
}
