// One accepted session in the console: who and what, the live twin (the largest thing) with annotation tools, and a
// side column with voice, chat and tabs for steps, parts, a proposed cart (after the help: the agent's rating of it and
// the transcript).
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductDetail } from '../../../core/catalog.ts';
import type { Language } from '../../../core/languages.ts';
import { apiFetch } from '../api/http.ts';
import { useResource } from '../components/use-resource.ts';
import { ErrorView, Loading } from '../components/status-views.tsx';
import type { RealtimeClient } from '../realtime/realtime-client.ts';
import { useExposed } from '../observe/use-exposed.ts';
import { useStore } from '../state/use-store.ts';
import { callOf } from '../call/call-controller.ts';
import { CallControls } from '../call/call-controls.tsx';
import { ChatPanel } from '../chat/chat-panel.tsx';
import type { AgentConsole, AgentTab } from './agent-console-store.ts';
import { AnnotationTools } from './annotation-tools.tsx';
import { CartProposalForm } from './cart-proposal-form.tsx';
import { PartList } from './part-list.tsx';
import { StepList } from './step-list.tsx';
import { TranscriptView } from './transcript-view.tsx';
import { TwinView } from './twin-view.tsx';
import { createTwinUi, type TwinUi } from './twin-ui-store.ts';
import { useGuideProgress } from './use-guide-progress.ts';
import { useGuideSteps } from '../guides/use-guide-steps.ts';
import { RequesterHistory } from './requester-history.tsx';
import { RequesterOrders } from './requester-orders.tsx';
import { RequesterTimeline } from './requester-timeline.tsx';
import { useGuideNames } from './use-guide-names.ts';
import { TransferPicker } from './transfer-picker.tsx';
import { SideTabs } from './side-tabs.tsx';
import { PingNotice } from './ping-notice.tsx';
import { useShortcuts } from './console-shortcuts.tsx';
import { loadNamespace } from '../i18n/i18n.ts';

const AgentRatingForm = lazy(() => Promise.all([import('../surveys/agent-rating-form.tsx'), loadNamespace('survey')]).then(([module]) => module));

const NO_PARTS: string[] = [];

declare module '../observe/registry.ts' {
  interface Observables {
    twinUi: TwinUi;
  }
}

export interface SessionWorkspaceProps {
  client: RealtimeClient;
  agentConsole: AgentConsole;
  tab: AgentTab;
  selfId: string;
}

export function SessionWorkspace(props: SessionWorkspaceProps) {
  const product = useResource((signal) => apiFetch<ProductDetail>(`/api/products/${encodeURIComponent(props.tab.productId)}`, signal), [props.tab.productId]);
  if (product.status === 'loading') return <Loading />;
  if (product.status === 'error') return <ErrorView error={product.error} retry={product.retry} />;
  return <Workspace {...props} product={product.data} />;
}

function Workspace({ client, agentConsole, tab, selfId, product }: SessionWorkspaceProps & { product: ProductDetail }) {
  const { t, i18n } = useTranslation('assist');
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const ui = useMemo(() => createTwinUi(), []);
  useEffect(() => () => ui.destroy(), [ui]);
  useExposed('twinUi', ui);
  const session = useStore(tab.session.mirror, (state) => state.session);
  const busy = useStore(agentConsole, (state) => state.busy);
  const helping = session?.help?.status === 'active' && session.help.agentId === selfId && session.session.status === 'open';
  const requesterOnline = useStore(tab.session.mirror, (state) => {
    const requesterId = state.session?.members.find((member) => member.role === 'requester')?.userId;
    return requesterId ? state.online[requesterId] !== false : true;
  });
  const sessionLanguage = session?.session.language ?? tab.context?.language ?? 'en';
  const live = useGuideProgress(client, tab.sessionId);
  const guideId = live.guideId ?? session?.session.guideId ?? tab.context?.guideId ?? null;
  const currentStepId = live.stepId ?? session?.currentStepId ?? null;
  const steps = useGuideSteps(guideId);
  const stepIndex = steps.findIndex((step) => step.id === currentStepId);
  const currentStep = steps[stepIndex];
  const panel = useStore(ui, (state) => state.panel);
  const { stepTitle } = useGuideNames(language, [tab.context?.guideId]);
  const askedAt = tab.context?.stepId ? stepTitle(tab.context.guideId, tab.context.stepId) : null;
  useShortcuts({
    f: () => ui.fitView(),
    v: () => (helping || ui.getState().snapped) && ui.setState({ snapped: !ui.getState().snapped }),
    '1': () => ui.setState({ panel: 'steps' }),
    '2': () => ui.setState({ panel: 'parts' }),
    '3': () => ui.setState({ panel: 'cart' }),
  });
  const productName = tab.subject.productName[language];
  const { unit } = tab.subject;
  const caption = currentStep ? t('twin.step', { number: stepIndex + 1, count: steps.length, title: currentStep.title[language] }) : null;

  return (
    <div className="workspace-grid">
      <header className="workspace-header">
        <h2>{t('workspace.title', { name: tab.requesterName, product: productName })}</h2>
        <RequesterHistory history={tab.history} />
        <RequesterOrders agentConsole={agentConsole} tab={tab} />
        <RequesterTimeline agentConsole={agentConsole} tab={tab} />
        <p>
          {t('workspace.language', { language: t(`languages.${sessionLanguage}`) })}
          {askedAt ? ` · ${t('workspace.askedAt', { step: askedAt })}` : ''}
          {unit ? ` · ${unit.kind === 'demo' ? t('workspace.unitDemo', { product: productName }) : t('workspace.unitSerial', { product: productName, serial: unit.serial })}` : ''}
          {tab.context?.progressSummary ? ` · ${tab.context.progressSummary}` : ''}
          {!requesterOnline && ` · ${t('workspace.requesterOffline', { name: tab.requesterName })}`}
        </p>
        {tab.context?.offeredFor && (
          <p data-testid="workspace-offered-for">
            {t('proactive.queueOffered')}: {tab.context.offeredFor.map((reason) => t(`proactive.queueReason.${reason}`)).join('; ')}
          </p>
        )}
        <div className="workspace-actions">
          {helping ? (
            <>
              <TransferPicker agentConsole={agentConsole} tab={tab} productName={product.name[language]} languageName={t(`languages.${sessionLanguage}`)} disabled={busy !== null} />
              <button type="button" disabled={busy !== null} onClick={() => void agentConsole.transfer(tab)}>
                {t('workspace.transferToQueue')}
              </button>
              <button type="button" className="danger" disabled={busy !== null} onClick={() => void agentConsole.end(tab)}>
                {t('workspace.end')}
              </button>
            </>
          ) : (
            <>
              <span role="status">{t('workspace.ended')}</span>
              <button type="button" onClick={() => agentConsole.closeTab(tab.sessionId)}>
                {t('workspace.close')}
              </button>
            </>
          )}
        </div>
      </header>
      <div className="workspace-main">
        <TwinView client={client} tab={tab} product={product} ui={ui} stepPartIds={currentStep?.targetPartIds ?? NO_PARTS} caption={caption} />
        <PingNotice tab={tab} product={product} />
        <AnnotationTools client={client} tab={tab} ui={ui} product={product} />
      </div>
      <div className="workspace-side">
        {helping && <CallControls controller={callOf(tab.session)} peerName={tab.requesterName} canCall={helping} />}
        {session && !helping && tab.requestId && (
          <Suspense fallback={null}>
            <AgentRatingForm client={client} requestId={tab.requestId} />
          </Suspense>
        )}
        <ChatPanel client={client} mirror={tab.session.mirror} selfId={selfId} />
        <SideTabs
          label={t('sideTabs.label')}
          selected={panel}
          onSelect={(id) => ui.setState({ panel: id })}
          tabs={[
            { id: 'steps', label: t('steps.title'), content: <StepList client={client} tab={tab} live={live} steps={steps} guideId={guideId} currentStepId={currentStepId} /> },
            { id: 'parts', label: t('parts.title'), content: <PartList client={client} tab={tab} product={product} ui={ui} /> },
            { id: 'cart', label: helping ? t('cart.tab') : t('transcript.title'), content: helping ? <CartProposalForm client={client} tab={tab} product={product} /> : <TranscriptView sessionId={tab.sessionId} /> },
          ]}
        />
      </div>
    </div>
  );
}
