// The requester's timeline in the agent's session header, folded like their orders: every session, help, order and
// survey answer on any device, the friction they met marked on each session's steps, earlier pages on demand.
import { useTranslation } from 'react-i18next';
import type { RequesterTimeline as Timeline } from '../../../core/activity.ts';
import { ActivityTimeline } from '../activity/activity-timeline.tsx';
import { useActivityPages } from '../activity/use-activity-pages.ts';
import { ErrorView } from '../components/status-views.tsx';
import { useLanguage } from '../components/use-language.ts';
import type { AgentConsole, AgentTab } from './agent-console-store.ts';
import '../activity/activity.css';

export function RequesterTimeline({ agentConsole, tab }: { agentConsole: AgentConsole; tab: AgentTab }) {
  const { t } = useTranslation('activity');
  const language = useLanguage();
  const pages = useActivityPages<Timeline>((before) => agentConsole.requesterTimeline(tab, before), [agentConsole, tab.requestId]);
  if (tab.requestId === null) return null;
  if (pages.loaded.length === 0) return pages.status === 'error' ? <ErrorView error={pages.error} retry={pages.more} /> : null;
  const friction = pages.loaded.flatMap((page) => page.friction);
  return (
    <details className="requester-timeline" data-testid="requester-timeline">
      <summary>{friction.length > 0 ? t('agent.summaryFriction', { count: friction.length }) : t('agent.summary')}</summary>
      <ActivityTimeline pages={pages} items={pages.items} language={language} friction={friction} />
    </details>
  );
}
