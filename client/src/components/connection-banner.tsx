// The page-wide word on the connection: why the server is not reachable and what to do (sign in again, reload to
// update, or wait). Refusals are alerts with a keyboard-reachable action; a connection coming back is a polite status.
import { Link, useLocation, useSearch } from 'wouter';
import { useTranslation } from 'react-i18next';
import type { ConnectionProblem } from '../realtime/connection-problem.ts';
import { useConnectionProblem } from './use-connection-problem.ts';

function ProblemAction({ problem }: { problem: ConnectionProblem }) {
  const { t } = useTranslation();
  const [location] = useLocation();
  const search = useSearch();
  if (problem.action === 'signIn') {
    if (location === '/sign-in') return null;
    const next = encodeURIComponent(search ? `${location}?${search}` : location);
    return (
      <Link href={`/sign-in?next=${next}`} className="button primary" data-testid="connection-action">
        {t('connection.action.signIn')}
      </Link>
    );
  }
  if (problem.action === 'reload') {
    return (
      <button type="button" className="primary" onClick={() => window.location.reload()} data-testid="connection-action">
        {t('connection.action.reload')}
      </button>
    );
  }
  return null;
}

export function ConnectionBanner() {
  const { t } = useTranslation();
  const problem = useConnectionProblem();
  return (
    <div className="connection-banner" data-testid="connection-banner" data-kind={problem?.kind ?? 'none'}>
      <p role="status" aria-live="polite">
        {problem && !problem.blocking && t(problem.messageKey)}
      </p>
      {problem?.blocking && (
        <div role="alert" className="connection-problem">
          <p>{t(problem.messageKey)}</p>
          <ProblemAction problem={problem} />
        </div>
      )}
    </div>
  );
}
