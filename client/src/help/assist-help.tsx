// "Get help" on the assist page (the guide runner's help slot): one tap asks for an agent with the guide, step and unit;
// the live-help panel opens docked beside the page (a side panel on wide screens, a bottom sheet on phones, so the step
// and its warnings stay readable), compact over AR, and comes back when the agent suggests a step or calls.
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductDetail } from '../../../core/catalog.ts';
import type { Language } from '../../../core/languages.ts';
import { apiFetch } from '../api/http.ts';
import { callOf } from '../call/call-controller.ts';
import { useResource } from '../components/use-resource.ts';
import type { LiveSession } from '../sessions/live-session.ts';
import { useLiveSession } from '../sessions/session-provider.tsx';
import { activeAgent } from '../sessions/session-reducer.ts';
import { useSessionScreen, type SessionScreen } from '../sessions/session-screen.ts';
import { useStore } from '../state/use-store.ts';
import { HelpPanel } from './help-panel.tsx';
import { helpOf, helpPhase } from './help-store.ts';
import { helpRequestContext, screenHelpContext } from './help-request-context.ts';
import './help.css';

/** Where the docked panel is a bottom sheet rather than a side panel; keep in step with help.css. */
const SHEET_MEDIA = '(max-width: 800px)';

export function AssistHelp() {
  const session = useLiveSession();
  const info = useSessionScreen();
  return session && info ? <AssistHelpButton session={session} info={info} /> : null;
}

function AssistHelpButton({ session, info }: { session: LiveSession; info: SessionScreen }) {
  const help = helpOf(session);
  const { t, i18n } = useTranslation('assist');
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const panelId = useId();
  const mirror = useStore(session.mirror, (state) => state);
  const request = useStore(help, (state) => state);
  const ringing = useStore(callOf(session), (state) => state.phase === 'ringing');
  const phase = helpPhase(mirror, request);
  const agent = mirror.session ? activeAgent(mirror.session) : null;
  const [open, setOpen] = useState(false);
  const product = useResource((signal) => apiFetch<ProductDetail>(`/api/products/${encodeURIComponent(info.productId)}`, signal), [info.productId]);
  const pushedSeq = mirror.pushedStep?.seq ?? null;
  const seenPush = useRef(pushedSeq);
  const slot = useRef<HTMLSpanElement>(null);

  useEffect(() => {
    if ((pushedSeq !== null && pushedSeq !== seenPush.current) || ringing || phase === 'active') setOpen(true);
    seenPush.current = pushedSeq;
  }, [pushedSeq, ringing, phase]);

  useEffect(() => {
    if (open && !info.inAr && window.matchMedia(SHEET_MEDIA).matches) slot.current?.closest('.guide-runner')?.scrollIntoView({ block: 'start' });
  }, [open, info.inAr]);

  const context = screenHelpContext(info);
  const ask = () => {
    setOpen(true);
    void help.request(helpRequestContext(info.productId, language, context));
  };
  const label = phase === 'active' && agent ? t('help.withAgentShort', { name: agent.name }) : phase === 'waiting' || phase === 'requesting' ? t('help.waitingShort') : t('help.getHelp');

  return (
    <span className="assist-help" ref={slot}>
      {phase === 'idle' || phase === 'ended' ? (
        <button type="button" className="get-help" onClick={ask} disabled={request.busy || !mirror.session} data-testid="assist-get-help">
          {label}
        </button>
      ) : (
        <button type="button" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((value) => !value)} data-testid="assist-help-toggle">
          {label}
        </button>
      )}
      {open && product.status === 'ready' && (
        <div id={panelId} className={`assist-help-panel${info.inAr ? ' in-ar' : ' docked'}`}>
          <HelpPanel product={product.data} compact={info.inAr} context={context} {...(info.goToStep ? { onGoToStep: info.goToStep } : {})} />
          <button type="button" className="link" onClick={() => setOpen(false)}>
            {t('help.hidePanel')}
          </button>
        </div>
      )}
    </span>
  );
}
