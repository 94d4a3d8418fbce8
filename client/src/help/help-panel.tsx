// The requester's live-help panel: Get help, the queue place and wait, a callback when nobody is online, then the agent,
// chat, voice and step suggestions. Compact in the AR overlay.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductDetail } from '../../../core/catalog.ts';
import type { Language } from '../../../core/languages.ts';
import { callOf } from '../call/call-controller.ts';
import { CallControls } from '../call/call-controls.tsx';
import { ChatPanel } from '../chat/chat-panel.tsx';
import type { LiveSession } from '../sessions/live-session.ts';
import { useLiveSession } from '../sessions/session-provider.tsx';
import { useStore } from '../state/use-store.ts';
import { CallbackForm } from './callback-form.tsx';
import { PartPointer } from './part-pointer.tsx';
import { helpOf, helpPhase } from './help-store.ts';
import { activeAgent } from '../sessions/session-reducer.ts';
import { useGuideSteps } from '../guides/use-guide-steps.ts';
import { useConnectionProblem } from '../components/use-connection-problem.ts';
import { helpRequestContext, type HostHelpContext } from './help-request-context.ts';
import { HelpSurvey } from './help-survey.tsx';

export interface HelpPanelProps {
  product: ProductDetail;
  /** What the agent should know besides the product: guide, step, progress, installed unit. */
  context?: HostHelpContext;
  /** Shows a step the agent suggests (e.g. through the guide's own store); without it the suggestion is only shown. */
  onGoToStep?: (stepId: string) => void;
  /** Smaller, for the AR overlay. @default false */
  compact?: boolean;
}

export function HelpPanel(props: HelpPanelProps) {
  const session = useLiveSession();
  return session ? <HelpPanelContent session={session} {...props} /> : null;
}

function waitMinutes(seconds: number): number {
  return Math.max(1, Math.round(seconds / 60));
}

function HelpPanelContent({ session, product, context = {}, onGoToStep, compact = false }: HelpPanelProps & { session: LiveSession }) {
  const { t, i18n } = useTranslation('assist');
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const titleId = useId();
  const { mirror, client, selfId } = session;
  const help = helpOf(session);
  const call = callOf(session);
  const mirrorState = useStore(mirror, (state) => state);
  const request = useStore(help, (state) => state);
  const phase = helpPhase(mirrorState, request);
  const connectionProblem = useConnectionProblem();
  const state = mirrorState.session;
  const agent = state ? activeAgent(state) : null;
  const guideId = context.guideId ?? state?.session.guideId ?? null;
  const steps = useGuideSteps(guideId);
  const pushed = mirrorState.pushedStep;
  const pushedStep = pushed ? steps.find((step) => step.id === pushed.stepId) : undefined;

  const ask = () => {
    const installedAssetId = context.installedAssetId ?? state?.session.installedAssetId ?? undefined;
    void help.request(helpRequestContext(product.id, language, { ...context, ...(guideId ? { guideId } : {}), ...(installedAssetId ? { installedAssetId } : {}) }));
  };

  return (
    <section className={`help-panel${compact ? ' compact' : ''}`} aria-labelledby={titleId} data-testid="help-panel" data-phase={phase}>
      <h2 id={titleId} className={compact ? 'visually-hidden' : undefined}>
        {t('help.title')}
      </h2>
      {(phase === 'idle' || phase === 'ended') && (
        <>
          {phase === 'ended' && <p role="status">{t('help.ended')}</p>}
          <button type="button" className="primary get-help" onClick={ask} disabled={request.busy || !state} data-testid="get-help">
            {phase === 'ended' ? t('help.askAgain') : t('help.getHelp')}
          </button>
          {!compact && <HelpSurvey />}
        </>
      )}
      {phase === 'requesting' && <p role="status">{t('help.requesting')}</p>}
      {phase === 'waiting' && (
        <>
          <p role="status" aria-live="polite" data-testid="help-queue">
            {request.noAgentOnline
              ? t('help.noAgentOnline')
              : request.position
                ? t('help.position', { position: request.position.position, minutes: waitMinutes(request.position.estimatedWaitSeconds) })
                : t('help.waiting')}
          </p>
          {request.noAgentOnline && !request.callbackSent && !compact && <CallbackForm busy={request.busy} onSubmit={(note, phone) => void help.leaveCallback(note, phone)} />}
          {request.noAgentOnline && !request.callbackSent && compact && <p>{t('callback.fromInline')}</p>}
          {request.callbackSent && <p role="status">{t('callback.sent')}</p>}
          <button type="button" onClick={() => void help.cancel()} disabled={request.busy}>
            {t('help.cancel')}
          </button>
        </>
      )}
      {phase === 'active' && agent && (
        <>
          <p role="status" aria-live="polite" data-testid="help-agent" className={connectionProblem ? 'status-error' : undefined}>
            {connectionProblem ? t('help.agentCutOff', { name: agent.name }) : t('help.withAgent', { name: agent.name })}
          </p>
          {!compact && (
            <>
              <p className="hint">{t('help.pingHint', { name: agent.name })}</p>
              <PartPointer product={product} busy={request.busy} onPoint={(partId) => void help.ping(partId)} />
            </>
          )}
          {pushed && (
            <div className="pushed-step" role="alert" data-testid="pushed-step">
              <p>{t('help.suggestsStep', { name: agent.name, step: pushedStep ? pushedStep.title[language] : pushed.stepId })}</p>
              {onGoToStep && (
                <button
                  type="button"
                  className="primary"
                  onClick={() => {
                    onGoToStep(pushed.stepId);
                    mirror.dismissPushedStep();
                  }}
                >
                  {t('help.goToStep')}
                </button>
              )}
              <button type="button" onClick={() => mirror.dismissPushedStep()}>
                {t('help.dismiss')}
              </button>
            </div>
          )}
          <CallControls controller={call} peerName={agent.name} canCall />
          <ChatPanel client={client} mirror={mirror} selfId={selfId} compact={compact} />
          <button type="button" onClick={() => void help.end()} disabled={request.busy}>
            {t('help.end')}
          </button>
        </>
      )}
      {request.error && (
        <p role="alert" className="status-error">
          {t('help.failed', { message: request.error })}
        </p>
      )}
    </section>
  );
}
