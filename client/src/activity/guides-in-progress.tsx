// The guides a person left unfinished in a session still open, each with "Resume here": the assist page on this device
// joins that session and runs the guide from the step reached.
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import type { GuideInProgress } from '../../../core/activity.ts';
import type { Language } from '../../../core/languages.ts';
import { formatDateTime } from '../components/format.ts';

export const resumeHref = (guide: GuideInProgress) => `/assist/${encodeURIComponent(guide.productId)}?session=${encodeURIComponent(guide.sessionId)}&guide=${encodeURIComponent(guide.guideId)}`;

export function GuidesInProgress({ guides, language }: { guides: readonly GuideInProgress[]; language: Language }) {
  const { t } = useTranslation('activity');
  return (
    <section className="activity-in-progress" aria-labelledby="in-progress-title">
      <h2 id="in-progress-title">{t('inProgress.title')}</h2>
      {guides.length === 0 ? (
        <p>{t('inProgress.none')}</p>
      ) : (
        <ul data-testid="guides-in-progress">
          {guides.map((guide) => (
            <li key={`${guide.sessionId}/${guide.guideId}`} className="activity-card">
              <h3>
                {guide.title[language]} · {guide.productName[language]}
              </h3>
              <p>{t('inProgress.step', { number: guide.stepNumber, count: guide.stepCount, title: guide.stepTitle[language] })}</p>
              <p className="activity-muted">{t('inProgress.updated', { date: formatDateTime(guide.updatedAt, language) })}</p>
              <Link className="activity-resume" href={resumeHref(guide)} aria-label={t('inProgress.resumeLabel', { guide: guide.title[language], number: guide.stepNumber })}>
                {t('inProgress.resume')}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
