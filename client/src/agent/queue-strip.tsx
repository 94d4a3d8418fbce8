// The queue in the console's sticky bar, in view at every size: how many wait (a tap goes to the queue), and "Accept
// next" (the A key too), which takes the oldest waiting request and says what happened to screen readers.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../core/languages.ts';
import { useStore } from '../state/use-store.ts';
import { useConnectionProblem } from '../components/use-connection-problem.ts';
import type { AgentConsole } from './agent-console-store.ts';
import { useShortcuts } from './console-shortcuts.tsx';

export const QUEUE_SECTION_ID = 'help-queue';

export function QueueStrip({ agentConsole }: { agentConsole: AgentConsole }) {
  const { t, i18n } = useTranslation('assist');
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const queue = useStore(agentConsole, (state) => state.queue);
  const busy = useStore(agentConsole, (state) => state.busy);
  const problem = useConnectionProblem();
  const nextId = useId();
  const [announcement, setAnnouncement] = useState('');
  const next = queue[0];
  const announce = (text: string) => {
    setAnnouncement('');
    setTimeout(() => setAnnouncement(text), 50);
  };

  const acceptNext = async () => {
    const item = agentConsole.getState().queue[0];
    if (problem) {
      announce(t('queueStrip.cannotAccept', { reason: t(`connection.short.${problem.kind}`, { ns: 'common' }) }));
      return;
    }
    if (!item) {
      announce(t('queueStrip.nobody'));
      return;
    }
    if (agentConsole.getState().busy) return;
    await agentConsole.accept(item);
    const { tabs, queue: after } = agentConsole.getState();
    if (!tabs.some((tab) => tab.requestId === item.requestId)) return;
    const remaining = after.filter((candidate) => candidate.requestId !== item.requestId).length;
    const accepted = t('queueStrip.accepted', { name: item.requester.name, product: item.subject.productName[language] });
    announce(`${accepted} ${remaining === 0 ? t('queueStrip.noneLeft') : t('queueStrip.left', { count: remaining })}`);
  };
  useShortcuts({ a: () => void acceptNext() });

  const showQueue = () => {
    const section = document.getElementById(QUEUE_SECTION_ID);
    section?.scrollIntoView({ block: 'start' });
    section?.querySelector<HTMLElement>('h2')?.focus({ preventScroll: true });
  };

  return (
    <div className="queue-strip" data-testid="queue-strip">
      <button type="button" className="queue-jump" onClick={showQueue} aria-label={t('queueStrip.showLabel', { count: queue.length })}>
        <span className="badge">{queue.length}</span> {t('queueStrip.waiting', { count: queue.length })}
      </button>
      <button type="button" className="primary" disabled={!next || problem !== null || busy !== null} onClick={() => void acceptNext()} aria-keyshortcuts="A" aria-describedby={next ? nextId : undefined}>
        {t('queueStrip.acceptNext')} <kbd>A</kbd>
      </button>
      {next && (
        <span id={nextId} hidden>
          {t('queueStrip.next', { name: next.requester.name, product: next.subject.productName[language] })}
        </span>
      )}
      <p className="visually-hidden" aria-live="polite" data-testid="console-announcement">
        {announcement}
      </p>
    </div>
  );
}
