// The live queue as a list: who asks, about what (product, step, progress, language, history), with Accept and Decline;
// new requests are announced to screen readers; while the connection is down it says so and the queue is marked stale.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueueItem } from '../../../core/help.ts';
import type { Language } from '../../../core/languages.ts';
import { useGuideNames, type GuideNames } from './use-guide-names.ts';
import { useStore } from '../state/use-store.ts';
import type { AgentConsole } from './agent-console-store.ts';
import { useConnectionProblem } from '../components/use-connection-problem.ts';
import { QUEUE_SECTION_ID } from './queue-strip.tsx';

function Waiting({ since }: { since: number }) {
  const { t } = useTranslation('assist');
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(timer);
  }, []);
  return <span>{t('queue.waitingFor', { minutes: Math.max(0, Math.floor((now - since) / 60_000)) })}</span>;
}

function QueueEntry({ item, console: agentConsole, busy, language, stepTitle }: { item: QueueItem; console: AgentConsole; busy: boolean; language: Language; stepTitle: GuideNames['stepTitle'] }) {
  const { t } = useTranslation('assist');
  const { productName, unit } = item.subject;
  const headingId = `queue-${item.requestId}`;
  const earlier = item.history.length;
  return (
    <li className="queue-item" aria-labelledby={headingId} data-request-id={item.requestId}>
      <h3 id={headingId}>{t('queue.itemTitle', { name: item.requester.name, product: productName[language] })}</h3>
      <dl>
        <dt>{t('queue.language')}</dt>
        <dd>{t(`languages.${item.language}`)}</dd>
        {item.context.stepId && (
          <>
            <dt>{t('queue.step')}</dt>
            <dd>{stepTitle(item.context.guideId, item.context.stepId)}</dd>
          </>
        )}
        {unit && (
          <>
            <dt>{t('queue.asset')}</dt>
            <dd>{unit.kind === 'demo' ? t('queue.unitDemo') : t('queue.unitSerial', { serial: unit.serial })}</dd>
          </>
        )}
        {item.context.progressSummary && (
          <>
            <dt>{t('queue.progress')}</dt>
            <dd>{item.context.progressSummary}</dd>
          </>
        )}
        {item.context.offeredFor && (
          <>
            <dt>{t('proactive.queueOffered')}</dt>
            <dd data-testid="queue-offered-for">{item.context.offeredFor.map((reason) => t(`proactive.queueReason.${reason}`)).join('; ')}</dd>
          </>
        )}
        <dt>{t('queue.history')}</dt>
        <dd>{earlier === 0 ? t('queue.firstTime') : t('queue.earlierSessions', { count: earlier })}</dd>
      </dl>
      <p className="hint">
        <Waiting since={item.createdAt} />
        {item.transferredBy && ` · ${t('queue.transferredToYou')}`}
      </p>
      <div className="queue-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void agentConsole.accept(item)}>
          {t('queue.accept', { name: item.requester.name })}
        </button>
        <button type="button" disabled={busy} onClick={() => void agentConsole.decline(item)}>
          {t('queue.decline')}
        </button>
      </div>
    </li>
  );
}

export function QueueList({ console: agentConsole }: { console: AgentConsole }) {
  const { t, i18n } = useTranslation('assist');
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const queue = useStore(agentConsole, (state) => state.queue);
  const { stepTitle } = useGuideNames(language, queue.map((item) => item.context.guideId));
  const loaded = useStore(agentConsole, (state) => state.queueLoaded);
  const busy = useStore(agentConsole, (state) => state.busy);
  const seen = useRef<Set<string> | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const problem = useConnectionProblem();
  const reason = problem ? t(`connection.short.${problem.kind}`, { ns: 'common' }) : '';

  useEffect(() => {
    if (!loaded) return;
    const fresh = seen.current ? queue.filter((item) => !seen.current?.has(item.requestId)) : [];
    seen.current = new Set(queue.map((item) => item.requestId));
    const first = fresh[0];
    if (first) setAnnouncement(t('queue.announceNew', { name: first.requester.name, product: first.subject.productName[language], count: fresh.length }));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- announce when the queue changes, not when the language does
  }, [queue, loaded, t]);

  return (
    <section className="queue" id={QUEUE_SECTION_ID} aria-labelledby="queue-title">
      <h2 id="queue-title" tabIndex={-1}>
        {t('queue.title')} <span className="badge">{queue.length}</span>
      </h2>
      <p className="visually-hidden" aria-live="assertive" data-testid="queue-announcement">
        {announcement}
      </p>
      <p role="status" className={problem ? 'queue-connection stale' : 'queue-connection'} data-testid="queue-connection" data-live={!problem && loaded}>
        {problem ? (loaded ? t('queue.stale', { reason }) : t('queue.cannotLoad', { reason })) : loaded ? t('queue.live') : t('queue.loading')}
      </p>
      {loaded && queue.length === 0 && <p className="hint">{t('queue.empty')}</p>}
      <ul className={problem ? 'queue-list stale' : 'queue-list'} data-testid="queue-list" aria-disabled={problem ? true : undefined}>
        {queue.map((item) => (
          <QueueEntry key={item.requestId} item={item} console={agentConsole} busy={busy === item.requestId || problem !== null} language={language} stepTitle={stepTitle} />
        ))}
      </ul>
    </section>
  );
}
