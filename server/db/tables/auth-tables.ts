// Tables of sign-in: renewable, revocable sign-ins and the per-account back-off. Times are epoch milliseconds.

export interface SignInsTable {
  id: string;
  user_id: string;
  /** SHA-256 of the refresh cookie's secret, base64url. */
  refresh_hash: string;
  /** The secret before the last renewal, still honoured for a few seconds (two tabs renewing at once). */
  previous_hash: string | null;
  rotated_at: number;
  expires_at: number;
  revoked_at: number | null;
  created_at: number;
}

export interface LoginThrottleTable {
  /** The e-mail as typed (lower-cased), whether or not an account has it. */
  email: string;
  /** Attempts since the last success, counted before the password is checked. */
  failures: number;
  locked_until: number;
  updated_at: number;
}

export interface AuthTables {
  sign_ins: SignInsTable;
  login_throttle: LoginThrottleTable;
}
