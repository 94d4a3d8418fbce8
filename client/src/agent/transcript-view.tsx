// After the help: the session's transcript (chat, annotations, steps, calls, orders) and "Save as guide".
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Guide } from '../../../core/guide.ts';
import type { SessionLogEntry, SessionMember } from '../../../core/session.ts';
import { apiFetch, apiRequest } from '../api/http.ts';
import { useResource } from '../components/use-resource.ts';
import { ErrorView, Loading } from '../components/status-views.tsx';
import { formatTime } from '../components/format.ts';
import { useLanguage } from '../components/use-language.ts';
import { describeEntry } from './describe-entry.ts';
import { errorText } from '../i18n/error-text.ts';

interface Transcript {
  members: SessionMember[];
  entries: SessionLogEntry[];
}

function SaveAsGuide({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation('assist');
  const [draft, setDraft] = useState<{ guide: Guide; version: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      setDraft(await apiRequest<{ guide: Guide; version: number }>(`/api/sessions/${sessionId}/draft-guide`, { method: 'POST' }));
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  };
  const download = draft ? URL.createObjectURL(new Blob([JSON.stringify(draft.guide, null, 2)], { type: 'application/json' })) : null;
  return (
    <div className="save-guide">
      <button type="button" onClick={() => void save()} disabled={busy}>
        {t('transcript.saveAsGuide')}
      </button>
      {draft && download && (
        <p role="status" data-testid="draft-guide">
          {t('transcript.draftReady', { title: draft.guide.title.en, count: draft.guide.steps.length })} {t('transcript.draftSaved', { version: draft.version })}{' '}
          <a href={download} download={`${draft.guide.id}.json`}>
            {t('transcript.download')}
          </a>
        </p>
      )}
      {error && (
        <p role="alert" className="status-error">
          {error}
        </p>
      )}
    </div>
  );
}

export function TranscriptView({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation('assist');
  const language = useLanguage();
  const headingId = useId();
  const transcript = useResource((signal) => apiFetch<Transcript>(`/api/sessions/${sessionId}/transcript`, signal), [sessionId]);
  return (
    <section className="transcript" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('transcript.title')}</h3>
      {transcript.status === 'loading' && <Loading />}
      {transcript.status === 'error' && <ErrorView error={transcript.error} retry={transcript.retry} />}
      {transcript.status === 'ready' && (
        <ol className="transcript-entries" data-testid="transcript">
          {transcript.data.entries.map((entry) => (
            <li key={entry.seq}>
              <time dateTime={new Date(entry.at).toISOString()}>{formatTime(entry.at, language)}</time> {describeEntry(t, entry, transcript.data.members)}
            </li>
          ))}
        </ol>
      )}
      <SaveAsGuide sessionId={sessionId} />
    </section>
  );
}
