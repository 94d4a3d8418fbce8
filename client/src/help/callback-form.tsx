// "No agent is online": leave a note and an optional phone number so an agent calls back.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

export function CallbackForm({ onSubmit, busy }: { onSubmit: (note: string, phone: string | null) => void; busy: boolean }) {
  const { t } = useTranslation('assist');
  const noteId = useId();
  const phoneId = useId();
  const [note, setNote] = useState('');
  const [phone, setPhone] = useState('');
  const phoneValid = phone.trim() === '' || /^\+?[0-9 ()-]{5,32}$/.test(phone.trim());
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!note.trim() || !phoneValid) return;
    onSubmit(note.trim(), phone.trim() || null);
  };
  return (
    <form className="callback-form" onSubmit={submit} noValidate>
      <label htmlFor={noteId}>{t('callback.note')}</label>
      <textarea id={noteId} value={note} onChange={(event) => setNote(event.target.value)} maxLength={1000} rows={3} required />
      <label htmlFor={phoneId}>{t('callback.phone')}</label>
      <input id={phoneId} type="tel" value={phone} onChange={(event) => setPhone(event.target.value)} aria-invalid={!phoneValid} aria-describedby={phoneValid ? undefined : `${phoneId}-error`} autoComplete="tel" />
      {!phoneValid && (
        <p id={`${phoneId}-error`} className="status-error">
          {t('callback.phoneInvalid')}
        </p>
      )}
      <button type="submit" disabled={busy || !note.trim() || !phoneValid}>
        {t('callback.send')}
      </button>
    </form>
  );
}
