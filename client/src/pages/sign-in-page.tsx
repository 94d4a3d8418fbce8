// Sign-in with e-mail and password; returns to where the person came from.
import { useState, type FormEvent } from 'react';
import { useLocation, useSearchParams } from 'wouter';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError } from '../api/http.ts';
import { useAppStores } from '../state/app-stores.ts';
import { errorText } from '../i18n/error-text.ts';

/** What a person reads when sign-in fails: a wrong password, a wait after too many attempts, or the network. */
function failureMessage(failure: unknown, t: TFunction): string {
  if (!(failure instanceof ApiError) || failure.status === 0) return t('error.network');
  if (failure.status === 401) return t('signIn.failed');
  if (failure.status === 429) {
    const seconds = failure.retryAfterSeconds ?? 60;
    return seconds < 120 ? t('signIn.tooManySeconds', { count: seconds }) : t('signIn.tooManyMinutes', { count: Math.ceil(seconds / 60) });
  }
  return errorText(failure);
}

export function SignInPage() {
  const { t } = useTranslation();
  const { auth } = useAppStores();
  const [, navigate] = useLocation();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await auth.login(email, password);
      const next = params.get('next');
      navigate(next?.startsWith('/') ? next : '/');
    } catch (failure) {
      setError(failureMessage(failure, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="sign-in" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('signIn.title')}</h1>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <label>
          {t('signIn.email')}
          <input type="email" name="email" autoComplete="username" required value={email} onChange={(e) => setEmail(e.target.value)} />
        </label>
        <label>
          {t('signIn.password')}
          <input type="password" name="password" autoComplete="current-password" required value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {error && (
          <p role="alert" className="status-error">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {t('signIn.submit')}
        </button>
      </form>
      <p className="hint">{t('signIn.demoHint')}</p>
    </section>
  );
}
