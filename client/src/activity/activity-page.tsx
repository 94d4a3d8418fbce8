// "My activity" (/activity): the signed-in person's guides in progress, to resume on this device, and their timeline
// across phone, headset and desktop, a page at a time.
import { useTranslation } from 'react-i18next';
import type { MyActivity } from '../../../core/activity.ts';
import { RequireSignIn } from '../components/require-sign-in.tsx';
import { Loading } from '../components/status-views.tsx';
import { useLanguage } from '../components/use-language.ts';
import { fetchMyActivity } from './activity-api.ts';
import { ActivityTimeline } from './activity-timeline.tsx';
import { GuidesInProgress } from './guides-in-progress.tsx';
import { useActivityPages } from './use-activity-pages.ts';
import './activity.css';

export default function ActivityPage() {
  return (
    <RequireSignIn>
      <ActivityView />
    </RequireSignIn>
  );
}

function ActivityView() {
  const { t } = useTranslation('activity');
  const language = useLanguage();
  const pages = useActivityPages<MyActivity>(fetchMyActivity, []);
  const first = pages.loaded[0];
  return (
    <section className="activity-page" aria-labelledby="activity-title">
      <h1 id="activity-title">{t('title')}</h1>
      <p>{t('intro')}</p>
      {first === undefined && pages.status === 'loading' && <Loading />}
      {first && <GuidesInProgress guides={first.inProgress} language={language} />}
      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">{t('timeline.title')}</h2>
        <ActivityTimeline pages={pages} items={pages.items} language={language} mine />
      </section>
    </section>
  );
}
