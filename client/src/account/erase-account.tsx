// Erasing the account: what goes and what stays, then a form that asks for the e-mail address typed again and the
// current password; once the server has erased it, this browser signs out.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useDisclosureForm } from '../components/use-disclosure-form.ts';
import { errorText } from '../i18n/error-text.ts';
import { useAppStores } from '../state/app-stores.ts';
import { useStore } from '../state/use-store.ts';
import { eraseMyAccount } from './account-api.ts';

export function EraseAccount({ onErased }: { onErased: () => void }) {
  const { t } = useTranslation('account');
  const { auth } = useAppStores();
  const email = useStore(auth, (state) => state.user?.email ?? '');
  const { open, startRef, show, close } = useDisclosureForm();
  const [confirmEmail, setConfirmEmail] = useState('');
  const [password, setPassword] = useState('');
  const [working, setWorking] = useState(false);
  const [problem, setProblem] = useState('');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setWorking(true);
    setProblem('');
    try {
      await eraseMyAccount({ confirmEmail, password });
      onErased();
      await auth.logout();
    } catch (error) {
      setProblem(errorText(error));
      setWorking(false);
    }
  };

  const cancel = () => {
    setProblem('');
    setPassword('');
    close();
  };

  return (
    <section className="my-data-section my-data-danger" aria-labelledby="my-data-erase">
      <h2 id="my-data-erase">{t('erase.title')}</h2>
      <p id="my-data-erase-body">{t('erase.body')}</p>
      {!open ? (
        <button type="button" className="danger" ref={startRef} onClick={show}>
          {t('erase.start')}
        </button>
      ) : (
        <form className="my-data-erase-form" onSubmit={(event) => void submit(event)} aria-describedby="my-data-erase-body">
          <label className="my-data-field">
            <span>{t('erase.confirmEmail', { email })}</span>
            <input type="email" autoComplete="off" required autoFocus value={confirmEmail} onChange={(event) => setConfirmEmail(event.target.value)} />
          </label>
          <label className="my-data-field">
            <span>{t('erase.password')}</span>
            <input type="password" autoComplete="current-password" required value={password} onChange={(event) => setPassword(event.target.value)} />
          </label>
          {problem && (
            <p className="status-error" role="alert">
              {problem}
            </p>
          )}
          <div className="my-data-actions">
            <button type="submit" className="danger" disabled={working}>
              {working ? t('erase.working') : t('erase.submit')}
            </button>
            <button type="button" onClick={cancel} disabled={working}>
              {t('erase.cancel')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
