// Who is signed in: a short-lived token renewed before it expires through the sign-in's httpOnly cookie, and the user;
// kept in localStorage so a reload stays signed in and every tab shares one sign-in.
import { createStore } from 'zustand/vanilla';
import type { LoginResponse, User } from '../../../core/auth.ts';
import { ApiError, apiRequest, setBearerToken, setTokenRenewal } from '../api/http.ts';

const STORAGE_KEY = 'xr-assist.auth';
/** Renew when this much of the token's life has passed. */
const RENEW_AT_FRACTION = 0.75;
/** After a failed renewal (offline, server busy), try again this soon. */
const RETRY_MS = 10_000;

export interface AuthState {
  token: string | null;
  user: User | null;
  /** When to renew the token (epoch ms on this device's clock); null when signed out. */
  renewAt: number | null;
  /** True once the sign-in ended without the person signing out (expired or revoked, and renewal refused). */
  expired: boolean;
}

export interface AuthStore {
  getState(): AuthState;
  subscribe(listener: (state: AuthState) => void): () => void;
  login(email: string, password: string): Promise<User>;
  /** A fresh token from the sign-in's cookie (one request however many ask at once); null once the sign-in has ended. */
  renew(): Promise<string | null>;
  /** Ends the sign-in on the server too: its tokens and open connections stop working. */
  logout(): Promise<void>;
  destroy(): void;
}

const SIGNED_OUT: AuthState = { token: null, user: null, renewAt: null, expired: false };

function readStored(): AuthState {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<AuthState> | null;
    if (typeof stored?.token === 'string' && typeof stored.user?.id === 'string' && typeof stored.user.role === 'string') {
      return { token: stored.token, user: stored.user, renewAt: typeof stored.renewAt === 'number' ? stored.renewAt : 0, expired: false };
    }
  } catch {
    // A corrupt entry is treated as signed out.
  }
  return SIGNED_OUT;
}

/** The user object is kept when a renewal brings the same one, so what selects it does not re-render every renewal. */
const signedInState = (response: LoginResponse, previous: User | null = null): AuthState => ({
  token: response.token,
  user: previous && JSON.stringify(previous) === JSON.stringify(response.user) ? previous : response.user,
  renewAt: Date.now() + response.expiresIn * 1000 * RENEW_AT_FRACTION,
  expired: false,
});

export function createAuthStore(): AuthStore {
  const store = createStore<AuthState>(() => readStored());
  let renewing: Promise<string | null> | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const schedule = (state: AuthState) => {
    clearTimeout(timer);
    if (state.token && state.renewAt !== null) timer = setTimeout(() => void renew(), Math.max(0, state.renewAt - Date.now()));
  };

  function renew(): Promise<string | null> {
    renewing ??= apiRequest<LoginResponse>('/api/auth/refresh', { method: 'POST', anonymous: true })
      .then(
        (response) => {
          store.setState(signedInState(response, store.getState().user));
          return response.token;
        },
        (error: unknown) => {
          if (error instanceof ApiError && error.status === 401) {
            // A request that went out with the old token can be refused after the sign-in already ended: it stays ended.
            const { token, expired } = store.getState();
            store.setState({ ...SIGNED_OUT, expired: expired || token !== null });
          } else if (store.getState().token) {
            clearTimeout(timer);
            timer = setTimeout(() => void renew(), RETRY_MS);
          }
          return null;
        },
      )
      .finally(() => {
        renewing = null;
      });
    return renewing;
  }

  // Another tab renewed, signed in or out: take its state rather than renewing the same sign-in twice.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== STORAGE_KEY && event.key !== null) return;
    const stored = readStored();
    const current = store.getState();
    if (stored.token === current.token) return;
    const sameUser = current.user && stored.user && JSON.stringify(current.user) === JSON.stringify(stored.user);
    store.setState(sameUser ? { ...stored, user: current.user } : stored);
  };

  setBearerToken(store.getState().token);
  setTokenRenewal(renew);
  schedule(store.getState());
  window.addEventListener('storage', onStorage);
  const unsubscribe = store.subscribe((state) => {
    setBearerToken(state.token);
    schedule(state);
    if (state.token && state.user) localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
    else localStorage.removeItem(STORAGE_KEY);
  });

  return {
    getState: store.getState,
    subscribe: store.subscribe,
    async login(email, password) {
      const response = await apiRequest<LoginResponse>('/api/auth/login', { method: 'POST', body: { email, password }, anonymous: true });
      store.setState(signedInState(response));
      return response.user;
    },
    renew,
    async logout() {
      const { token } = store.getState();
      store.setState(SIGNED_OUT);
      const signOut = (headers: Record<string, string>) => apiRequest('/api/auth/logout', { method: 'POST', anonymous: true, headers });
      // The token names this sign-in exactly; once it has expired, the cookie still does.
      await signOut(token ? { authorization: `Bearer ${token}` } : {})
        .catch((error: unknown) => (error instanceof ApiError && error.status === 401 ? signOut({}) : undefined))
        .catch(() => undefined);
    },
    destroy() {
      clearTimeout(timer);
      window.removeEventListener('storage', onStorage);
      setTokenRenewal(null);
      unsubscribe();
    },
  };
}
