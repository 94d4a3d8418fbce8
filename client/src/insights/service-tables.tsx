// Help per agent and per queue (with the agents' own ratings), where orders came from and the first-time fix rate, as accessible tables and figures.
import { useTranslation } from 'react-i18next';
import type { Figure } from '../../../core/insights.ts';
import type { AgentFigures, QueueFigures, ServiceFigures } from '../../../core/insights-service-figures.ts';

const secondsText = (ms: number | null) => (ms === null ? '–' : (ms / 1000).toFixed(0));
const percentText = (figure: Figure) => (figure.value === null ? '–' : `${figure.value} %`);
const meanText = (value: number | null) => (value === null ? '–' : value.toFixed(1));

function HelpCells({ row }: { row: AgentFigures | QueueFigures }) {
  const { t } = useTranslation('insights');
  return (
    <>
      <td>{row.answered}</td>
      <td>{secondsText(row.waitMs)}</td>
      <td>{secondsText(row.handlingMs)}</td>
      <td>{row.transfers}</td>
      <td>
        {percentText(row.csat)} <span className="insights-count">{t('surveys.count', { count: row.csat.count })}</span>
      </td>
      <td data-figure="difficulty">
        {meanText(row.ratings.difficulty)} <span className="insights-count">{t('service.ratings', { count: row.ratings.count })}</span>
      </td>
      <td data-figure="info-enough">{percentText({ value: row.ratings.infoEnough, count: row.ratings.count })}</td>
    </>
  );
}

function HelpHead({ first, extra }: { first: string; extra?: string }) {
  const { t } = useTranslation('insights');
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {extra !== undefined && <th scope="col">{extra}</th>}
        <th scope="col">{t('service.answered')}</th>
        <th scope="col">{t('service.wait')}</th>
        <th scope="col">{t('service.handling')}</th>
        <th scope="col">{t('service.transfers')}</th>
        <th scope="col">{t('service.csat')}</th>
        <th scope="col">{t('service.difficulty')}</th>
        <th scope="col">{t('service.infoEnough')}</th>
      </tr>
    </thead>
  );
}

export function ServiceTables({ figures }: { figures: ServiceFigures }) {
  const { t } = useTranslation('insights');
  const { orders } = figures;
  return (
    <section aria-labelledby="insights-service-title" className="insights-section" data-testid="insights-service">
      <h2 id="insights-service-title">{t('service.title')}</h2>
      <p className="insights-note">{t('service.explain')}</p>
      <div className="insights-scroll" tabIndex={0} role="region" aria-label={t('service.agents')}>
        <table className="insights-table" data-testid="insights-agents">
          <caption>{t('service.agents')}</caption>
          <HelpHead first={t('service.agent')} />
          <tbody>
            {figures.agents.map((agent) => (
              <tr key={agent.agentId}>
                <th scope="row">{agent.name}</th>
                <HelpCells row={agent} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="insights-scroll" tabIndex={0} role="region" aria-label={t('service.queues')}>
        <table className="insights-table" data-testid="insights-queues">
          <caption>{t('service.queues')}</caption>
          <HelpHead first={t('service.queue')} extra={t('service.requests')} />
          <tbody>
            {figures.queues.map((queue) => (
              <tr key={`${queue.productLine}-${queue.language}`}>
                <th scope="row">{t('service.queueName', { line: t(`productLines.${queue.productLine}`, { defaultValue: queue.productLine }), language: t(`languages.${queue.language}`, { defaultValue: queue.language }) })}</th>
                <td>{queue.requests}</td>
                <HelpCells row={queue} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <dl className="insights-figures" data-testid="insights-orders">
        <div data-figure="orders">
          <dt>{t('service.orders')}</dt>
          <dd>{orders.total}</dd>
        </div>
        <div data-figure="orders-assist">
          <dt>{t('service.fromAssist')}</dt>
          <dd>{orders.fromAssist}</dd>
        </div>
        <div data-figure="orders-proposal">
          <dt>{t('service.fromProposal')}</dt>
          <dd>{orders.fromProposal}</dd>
        </div>
        <div data-figure="orders-ar">
          <dt>{t('service.fromAr')}</dt>
          <dd>{orders.fromAr}</dd>
        </div>
        <div data-figure="orders-ar-or-proposal">
          <dt>{t('service.fromArOrProposal')}</dt>
          <dd>{orders.fromArOrProposal}</dd>
        </div>
      </dl>
    </section>
  );
}

/** The first-time fix rate with the runs behind it. */
export function FirstTimeFix({ figure }: { figure: Figure }) {
  const { t } = useTranslation('insights');
  return (
    <section aria-labelledby="insights-fix-title" className="insights-section">
      <h2 id="insights-fix-title">{t('firstTimeFix.title')}</h2>
      <dl className="insights-figures">
        <div data-figure="first-time-fix">
          <dt>{t('firstTimeFix.label')}</dt>
          <dd>{percentText(figure)}</dd>
          <dd className="insights-count">{t('firstTimeFix.count', { count: figure.count })}</dd>
        </div>
      </dl>
    </section>
  );
}
