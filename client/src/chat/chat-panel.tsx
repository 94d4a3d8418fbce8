// Session chat for both sides: the messages as a live log, and a form that sends once even when retried.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RealtimeClient } from '../realtime/realtime-client.ts';
import { useStore } from '../state/use-store.ts';
import type { SessionMirror } from '../sessions/session-mirror.ts';
import { chatProblemOf, newChatClientId, sendChatMessage } from './chat-send.ts';
import './chat.css';

export interface ChatPanelProps {
  client: RealtimeClient;
  mirror: SessionMirror;
  selfId: string;
  /** Fewer lines, for the AR overlay. @default false */
  compact?: boolean;
}

export function ChatPanel({ client, mirror, selfId, compact = false }: ChatPanelProps) {
  const { t } = useTranslation('assist');
  const headingId = useId();
  const inputId = useId();
  const chat = useStore(mirror, (state) => state.chat);
  const ended = useStore(mirror, (state) => state.session?.session.status === 'ended');
  const [text, setText] = useState('');
  const [pending, setPending] = useState<{ text: string; clientId: string } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const send = async (event: FormEvent) => {
    event.preventDefault();
    const outgoing = pending ?? { text: text.trim(), clientId: newChatClientId() };
    if (!outgoing.text) return;
    setPending(outgoing);
    setError(null);
    try {
      await sendChatMessage(client, mirror, outgoing.text, outgoing.clientId);
      setPending(null);
      setText('');
    } catch (error) {
      setError(chatProblemOf(error) === 'too-fast' ? t('chat.tooFast') : t('chat.notSent'));
    }
  };

  const lines = compact ? chat.slice(-4) : chat;
  return (
    <section className={`chat-panel${compact ? ' compact' : ''}`} aria-labelledby={headingId}>
      <h3 id={headingId} className={compact ? 'visually-hidden' : undefined}>
        {t('chat.title')}
      </h3>
      <div role="log" aria-live="polite" aria-relevant="additions" aria-labelledby={headingId} data-testid="chat-lines">
        <ol className="chat-lines">
          {lines.length === 0 && <li className="hint">{t('chat.empty')}</li>}
          {lines.map((line) => (
            <li key={line.seq} className={line.authorId === selfId ? 'mine' : 'theirs'}>
              <strong>{line.authorId === selfId ? t('chat.you') : line.authorName || t('chat.someone')}:</strong> <span>{line.text}</span>
            </li>
          ))}
        </ol>
      </div>
      {!ended && (
        <form onSubmit={(event) => void send(event)} className="chat-form">
          <label htmlFor={inputId} className="visually-hidden">
            {t('chat.label')}
          </label>
          <input id={inputId} value={pending?.text ?? text} onChange={(event) => setText(event.target.value)} readOnly={pending !== null && error === null} maxLength={2000} placeholder={t('chat.placeholder')} autoComplete="off" />
          <button type="submit" disabled={!(pending?.text ?? text).trim() || (pending !== null && error === null)}>
            {error ? t('chat.retry') : t('chat.send')}
          </button>
        </form>
      )}
      {error && (
        <p role="alert" className="status-error">
          {error}
        </p>
      )}
    </section>
  );
}
