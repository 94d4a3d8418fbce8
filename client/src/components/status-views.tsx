// Loading and error states that say what is happening, announced to screen readers.
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ApiError } from '../api/http.ts';
import { errorText } from '../i18n/error-text.ts';

export function Loading({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="status" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" /> {label ?? t('loading')}
    </p>
  );
}

/** What went wrong, with a way on: try again, or (for something that does not exist) the catalog. */
export function ErrorView({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t } = useTranslation();
  let message = t('error.generic');
  const notFound = error instanceof ApiError && error.status === 404;
  if (error instanceof ApiError) {
    if (error.status === 0) message = t('error.network');
    else if (error.status === 404) message = t('error.notFound');
    else message = errorText(error);
  }
  return (
    <div className="status status-error" role="alert">
      <p>{message}</p>
      {notFound ? (
        <p>
          <Link href="/">{t('error.toCatalog')}</Link>
        </p>
      ) : (
        retry && (
          <button type="button" onClick={retry}>
            {t('error.retry')}
          </button>
        )
      )}
    </div>
  );
}
