// Ending a job explicitly: "End session" (with a confirmation) ends the page's live session for everyone; once it has
// ended — here or by the agent — the page says so and offers a fresh session instead of the finished one.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../state/use-store.ts';
import { useLiveSession, useStartNewSession } from './session-provider.tsx';
import type { LiveSession } from './live-session.ts';
import { errorText } from '../i18n/error-text.ts';

export function EndSessionButton() {
  const { t } = useTranslation('assist');
  const session = useLiveSession();
  const [phase, setPhase] = useState<'idle' | 'confirming' | 'ending'>('idle');
  const [problem, setProblem] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (phase === 'confirming') confirmRef.current?.focus();
  }, [phase]);
  if (!session) return null;
  const end = async () => {
    setPhase('ending');
    setProblem(null);
    try {
      await session.end();
    } catch (error) {
      setProblem(errorText(error));
      setPhase('idle');
    }
  };
  return (
    <div className="end-session" data-testid="end-session">
      {phase === 'idle' && (
        <button type="button" onClick={() => setPhase('confirming')}>
          {t('sessionEnd.end')}
        </button>
      )}
      {phase === 'confirming' && (
        <div role="group" aria-labelledby="end-session-question">
          <p id="end-session-question">{t('sessionEnd.confirm')}</p>
          <button type="button" className="danger" ref={confirmRef} onClick={() => void end()}>
            {t('sessionEnd.confirmEnd')}
          </button>
          <button type="button" onClick={() => setPhase('idle')}>
            {t('sessionEnd.keep')}
          </button>
        </div>
      )}
      {phase === 'ending' && <p role="status">{t('sessionEnd.ending')}</p>}
      {problem && (
        <p role="alert" className="status-error">
          {t('sessionEnd.failed', { message: problem })}
        </p>
      )}
    </div>
  );
}

/**
 * Shows its content while the session is open; once it has ended, a notice and "Start a new session" instead, followed
 * by `ended` (e.g. the survey about the session).
 */
export function SessionEndedGate({ children, ended: afterEnd = null }: { children: ReactNode; ended?: ReactNode }) {
  const session = useLiveSession();
  return session ? <EndedGate session={session} afterEnd={afterEnd}>{children}</EndedGate> : <>{children}</>;
}

function EndedGate({ session, children, afterEnd }: { session: LiveSession; children: ReactNode; afterEnd: ReactNode }) {
  const { t } = useTranslation('assist');
  const startNew = useStartNewSession();
  const ended = useStore(session.mirror, (state) => state.session?.session.status === 'ended');
  const noticeRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (ended) noticeRef.current?.focus();
  }, [ended]);
  if (!ended) return <>{children}</>;
  return (
    <section className="session-ended" aria-labelledby="session-ended-title" data-testid="session-ended">
      <h2 id="session-ended-title" tabIndex={-1} ref={noticeRef}>
        {t('sessionEnd.ended')}
      </h2>
      {startNew && (
        <button type="button" className="primary" onClick={startNew}>
          {t('sessionEnd.startNew')}
        </button>
      )}
      {afterEnd}
    </section>
  );
}
