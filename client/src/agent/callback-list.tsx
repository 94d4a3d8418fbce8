// Callback requests left while no agent was online: who, about what, language, phone and message as left, and when;
// "Mark done" takes one off every agent's list, then focus returns to the list heading and the result is announced.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Callback } from '../../../core/help.ts';
import type { Language } from '../../../core/languages.ts';
import { formatDateTime } from '../components/format.ts';
import { useStore } from '../state/use-store.ts';
import type { CallbackBoard } from './callback-board-store.ts';
import { useConnectionProblem } from '../components/use-connection-problem.ts';
import { useProductNames } from '../components/use-product-names.ts';
import { errorText } from '../i18n/error-text.ts';

const dialable = (phone: string) => phone.replace(/[^+0-9]/g, '');

function CallbackEntry({ callback, productName, language, busy, onDone }: { callback: Callback; productName: string; language: Language; busy: boolean; onDone: () => void }) {
  const { t } = useTranslation('assist');
  const headingId = `callback-${callback.id}`;
  return (
    <li className="queue-item" aria-labelledby={headingId} data-callback-id={callback.id}>
      <h3 id={headingId}>{t('callbacks.itemTitle', { name: callback.requesterName, product: productName })}</h3>
      <dl>
        <dt>{t('queue.language')}</dt>
        <dd>{t(`languages.${callback.language}`)}</dd>
        <dt>{t('callbacks.phone')}</dt>
        <dd>{callback.phone ? <a href={`tel:${dialable(callback.phone)}`}>{callback.phone}</a> : t('callbacks.noPhone')}</dd>
        <dt>{t('callbacks.message')}</dt>
        <dd className="callback-note">{callback.note}</dd>
        <dt>{t('callbacks.left')}</dt>
        <dd>
          <time dateTime={new Date(callback.createdAt).toISOString()}>{formatDateTime(callback.createdAt, language)}</time>
        </dd>
      </dl>
      <div className="queue-actions">
        <button type="button" disabled={busy} aria-label={t('callbacks.markDoneLabel', { name: callback.requesterName, product: productName })} onClick={onDone}>
          {t('callbacks.markDone')}
        </button>
      </div>
    </li>
  );
}

export function CallbackList({ board }: { board: CallbackBoard }) {
  const { t, i18n } = useTranslation('assist');
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const nameOf = useProductNames(language);
  const { callbacks, loaded, busy, error } = useStore(board, (state) => state);
  /** The connection banner says why: the list does not repeat a refusal as its own failure. */
  const problem = useConnectionProblem();
  const heading = useRef<HTMLHeadingElement>(null);
  const [announcement, setAnnouncement] = useState('');

  const markDone = async (callback: Callback) => {
    const done = await board.markDone(callback);
    if (done) setAnnouncement(t('callbacks.marked', { name: callback.requesterName }));
    if (!board.getState().callbacks.some((candidate) => candidate.id === callback.id)) heading.current?.focus();
  };

  return (
    <section className="callbacks" aria-labelledby="callbacks-title">
      <h2 id="callbacks-title" ref={heading} tabIndex={-1}>
        {t('callbacks.title')} <span className="badge">{callbacks.length}</span>
      </h2>
      <p className="visually-hidden" role="status" data-testid="callback-announcement">
        {announcement}
      </p>
      {!loaded && !error && !problem && <p role="status">{t('callbacks.loading')}</p>}
      {loaded && callbacks.length === 0 && <p className="hint">{t('callbacks.empty')}</p>}
      {error && !problem && (
        <p role="alert" className="status-error">
          {error.code === 'conflict' ? t('callbacks.alreadyDone') : t('callbacks.failed', { message: errorText(error) })}
        </p>
      )}
      <ul className="queue-list" data-testid="callback-list">
        {callbacks.map((callback) => (
          <CallbackEntry key={callback.id} callback={callback} productName={nameOf(callback.productId)} language={language} busy={busy !== null} onDone={() => void markDone(callback)} />
        ))}
      </ul>
    </section>
  );
}
