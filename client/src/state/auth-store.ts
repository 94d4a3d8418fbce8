// Who is signed in: token and user, kept in localStorage so a reload stays signed in.
import { createStore } from 'zustand/vanilla';
import type { LoginResponse, User } from '../../../core/auth.ts';
import { apiRequest, setBearerToken } from '../api/http.ts';

const STORAGE_KEY = 'xr-assist.auth';

export interface AuthState {
  token: string | null;
  user: User | null;
}

export interface AuthStore {
  getState(): AuthState;
  subscribe(listener: (state: AuthState) => void): () => void;
  login(email: string, password: string): Promise<User>;
  logout(): void;
  destroy(): void;
}

function readStored(): AuthState {
  try {
    const stored = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Partial<LoginResponse> | null;
    if (typeof stored?.token === 'string' && typeof stored.user?.id === 'string' && typeof stored.user.role === 'string') {
      return { token: stored.token, user: stored.user };
    }
  } catch {
    // A corrupt entry is treated as signed out.
  }
  return { token: null, user: null };
}

export function createAuthStore(): AuthStore {
  const store = createStore<AuthState>(() => readStored());
  setBearerToken(store.getState().token);
  const unsubscribe = store.subscribe((state) => {
    setBearerToken(state.token);
    if (state.token && state.user) localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
    else localStorage.removeItem(STORAGE_KEY);
  });
  return {
    getState: store.getState,
    subscribe: store.subscribe,
    async login(email, password) {
      const response = await apiRequest<LoginResponse>('/api/auth/login', { method: 'POST', body: { email, password } });
      store.setState(response);
      return response.user;
    },
    logout() {
      store.setState({ token: null, user: null });
    },
    destroy() {
      unsubscribe();
    },
  };
}
