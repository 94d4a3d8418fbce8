// A timeline, newest first, as an ordered list; with friction per session for an agent, and "Show earlier" while
// earlier pages remain.
import { useTranslation } from 'react-i18next';
import type { ActivityItem, FrictionMark } from '../../../core/activity.ts';
import type { Language } from '../../../core/languages.ts';
import { ErrorView } from '../components/status-views.tsx';
import { ActivityEntry } from './activity-item.tsx';
import type { ActivityPages } from './use-activity-pages.ts';

interface TimelineProps<T> {
  pages: ActivityPages<T>;
  items: readonly ActivityItem[];
  language: Language;
  friction?: readonly FrictionMark[];
  mine?: boolean;
}

export function ActivityTimeline<T>({ pages, items, language, friction, mine = false }: TimelineProps<T>) {
  const { t } = useTranslation('activity');
  return (
    <>
      {items.length === 0 && pages.status === 'ready' && <p>{t('timeline.none')}</p>}
      <ol className="activity-timeline" data-testid="activity-timeline">
        {items.map((item) => (
          <ActivityEntry key={item.cursor} item={item} language={language} mine={mine} friction={friction && item.kind === 'session' ? friction.filter((mark) => mark.sessionId === item.sessionId) : undefined} />
        ))}
      </ol>
      {pages.status === 'error' && <ErrorView error={pages.error} retry={pages.more} />}
      {pages.next !== null && pages.status !== 'error' && (
        <button type="button" onClick={pages.more} disabled={pages.status === 'loading'}>
          {pages.status === 'loading' ? t('timeline.loadingMore') : t('timeline.more')}
        </button>
      )}
      <p className="visually-hidden" role="status" aria-live="polite">
        {pages.status === 'loading' && items.length > 0 ? t('timeline.loadingMore') : ''}
      </p>
    </>
  );
}
