// One entry of a timeline in the reader's language: a session (product, guide and steps done, channel, device), a help
// session (agent, duration), an order (number, total, status) or a survey answer with its comment; friction marked when
// given.
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import type { ActivityItem, FrictionMark } from '../../../core/activity.ts';
import type { Language } from '../../../core/languages.ts';
import { formatDateTime, formatPrice } from '../components/format.ts';
import { FrictionList } from './friction-list.tsx';
import { SurveyComment } from './survey-comment.tsx';

interface ItemProps {
  item: ActivityItem;
  language: Language;
  /** The friction in this item's session, for an agent; undefined where friction is not shown. */
  friction?: readonly FrictionMark[] | undefined;
  /** The person's own timeline: orders link to their page, and a survey answer without words can be given some. @default false */
  mine?: boolean;
}

function duration(ms: number) {
  const seconds = Math.round(ms / 1000);
  return { minutes: Math.floor(seconds / 60), seconds: seconds % 60 };
}

function Details({ item, language, mine }: ItemProps) {
  const { t } = useTranslation('activity');
  switch (item.kind) {
    case 'session': {
      const parts = [
        item.status === 'open' ? t('session.open') : t('session.ended', { date: formatDateTime(item.endedAt ?? item.at, language) }),
        item.channel === 'assisted' ? t('session.assisted') : t('session.selfService'),
        ...(item.device ? [t(`session.device.${item.device}`)] : []),
      ];
      return (
        <>
          <h3>{t('session.heading', { product: item.productName[language] })}</h3>
          {item.guide && (
            <p>
              {t('session.guide', { guide: item.guide.title[language], done: item.guide.stepsDone, count: item.guide.stepCount })} · {item.guide.finished ? t('session.finished') : t('session.notFinished')}
            </p>
          )}
          <p>{parts.join(' · ')}</p>
        </>
      );
    }
    case 'help':
      return (
        <>
          <h3>{t('help.heading', { product: item.productName[language] })}</h3>
          <p>
            {[item.agentName ? t('help.agent', { name: item.agentName }) : null, t(`help.status.${item.status}`), item.durationMs === null ? null : t('help.duration', duration(item.durationMs))].filter((part) => part !== null).join(' · ')}
          </p>
        </>
      );
    case 'order':
      return (
        <>
          <h3>{mine ? <Link href={`/orders/${item.orderId}`}>{t('order.heading', { number: item.number })}</Link> : t('order.heading', { number: item.number })}</h3>
          <p>
            {formatPrice(item.totalCents, language)} · {t(`orderStatus.${item.status}`)}
          </p>
        </>
      );
    case 'survey': {
      const scores = [item.csat === null ? null : t('survey.csat', { score: item.csat }), item.ces === null ? null : t('survey.ces', { score: item.ces }), item.nps === null ? null : t('survey.nps', { score: item.nps })];
      return (
        <>
          <h3>{t('survey.heading', { about: item.productName ? `${t(`survey.about.${item.context}`)} · ${item.productName[language]}` : t(`survey.about.${item.context}`) })}</h3>
          <p>{scores.filter((score) => score !== null).join(' · ')}</p>
          <SurveyComment surveyId={item.surveyId} comment={item.comment} editable={mine ?? false} />
        </>
      );
    }
  }
}

export function ActivityEntry({ item, language, friction, mine = false }: ItemProps) {
  return (
    <li className={`activity-entry activity-${item.kind}`} data-kind={item.kind}>
      <time dateTime={new Date(item.at).toISOString()}>{formatDateTime(item.at, language)}</time>
      <div>
        <Details item={item} language={language} mine={mine} />
        {friction && item.kind === 'session' && <FrictionList marks={friction} language={language} />}
      </div>
    </li>
  );
}
