// Live help as a headset sheet: Get help, the queue place, the agent, the call (answer, mute, hang up), a step the agent
// suggests, the agent's last messages and quick replies. The same help, call and chat state as the page's help panel.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductDetail } from '../../../../core/catalog.ts';
import type { Language } from '../../../../core/languages.ts';
import { callOf } from '../../call/call-controller.ts';
import { callStatusText, isInCall } from '../../call/call-status.ts';
import { chatProblemOf, sendChatMessage } from '../../chat/chat-send.ts';
import { useGuideSteps } from '../../guides/use-guide-steps.ts';
import type { LiveSession } from '../../sessions/live-session.ts';
import { activeAgent } from '../../sessions/session-reducer.ts';
import type { SessionScreen } from '../../sessions/session-screen.ts';
import { useStore } from '../../state/use-store.ts';
import type { PanelBlock, PanelButton } from '../../three/panel-layout.ts';
import { HudSheet } from '../../xr/hud/hud-panel.tsx';
import { helpOf, helpPhase } from '../help-store.ts';
import { helpRequestContext, screenHelpContext } from '../help-request-context.ts';

export interface HelpSheetProps {
  session: LiveSession;
  screen: SessionScreen;
  product: ProductDetail;
  onClose: () => void;
}

const QUICK_REPLIES = ['quickYes', 'quickShowMe', 'quickWhich'] as const;

export function HelpSheet({ session, screen, product, onClose }: HelpSheetProps) {
  const { t, i18n } = useTranslation('assist');
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const { mirror, client, selfId } = session;
  const help = helpOf(session);
  const call = callOf(session);
  const mirrorState = useStore(mirror, (state) => state);
  const request = useStore(help, (state) => state);
  const callState = useStore(call, (state) => state);
  const [replyProblem, setReplyProblem] = useState<string | null>(null);
  const phase = helpPhase(mirrorState, request);
  const agent = mirrorState.session ? activeAgent(mirrorState.session) : null;
  const steps = useGuideSteps(screen.guideId ?? mirrorState.session?.session.guideId ?? null);
  const pushed = mirrorState.pushedStep;

  const blocks = useMemo((): PanelBlock[] => {
    const blocks: PanelBlock[] = [{ kind: 'title', text: t('help.title') }];
    const close: PanelButton = { id: 'sheet:close', label: t('hud.close'), enabled: true };
    if (phase === 'idle' || phase === 'ended') {
      if (phase === 'ended') blocks.push({ kind: 'note', text: t('help.ended'), tone: 'info' });
      blocks.push({ kind: 'buttons', columns: 2, buttons: [{ id: 'help:ask', label: phase === 'ended' ? t('help.askAgain') : t('help.getHelp'), enabled: !request.busy && mirrorState.session !== null, tone: 'primary' }, close] });
    }
    if (phase === 'requesting') blocks.push({ kind: 'note', text: t('help.requesting'), tone: 'info' });
    if (phase === 'waiting') {
      const position = request.position;
      const queue = request.noAgentOnline ? t('help.noAgentOnline') : position ? t('help.position', { position: position.position, minutes: Math.max(1, Math.round(position.estimatedWaitSeconds / 60)) }) : t('help.waiting');
      blocks.push({ kind: 'text', segments: [{ text: queue, bold: false }] });
      if (request.noAgentOnline) blocks.push({ kind: 'note', text: t('hud.callbackInline'), tone: 'warn' });
      blocks.push({ kind: 'buttons', columns: 2, buttons: [{ id: 'help:cancel', label: t('help.cancel'), enabled: !request.busy }, close] });
    }
    if (phase === 'active' && agent) {
      blocks.push({ kind: 'text', segments: [{ text: t('help.withAgent', { name: agent.name }), bold: true }] });
      const status = callStatusText(callState.phase, agent.name, t);
      if (status) blocks.push({ kind: 'note', text: callState.remoteMuted && isInCall(callState.phase) ? `${status} ${t('call.peerMuted', { name: agent.name })}` : status, tone: 'info' });
      const callButtons: PanelButton[] =
        callState.phase === 'ringing'
          ? [{ id: 'call:answer', label: t('call.answer'), enabled: true, tone: 'primary' }, { id: 'call:decline', label: t('call.decline'), enabled: true }]
          : isInCall(callState.phase) || callState.phase === 'calling'
            ? [...(isInCall(callState.phase) ? [{ id: 'call:mute', label: callState.muted ? t('call.unmute') : t('call.mute'), enabled: true }] : []), { id: 'call:hangup', label: t('call.hangUp'), enabled: true }]
            : [{ id: 'call:start', label: t('call.start'), enabled: true }];
      blocks.push({ kind: 'buttons', columns: 2, height: 84, buttons: callButtons });
      if (pushed) {
        const step = steps.find((candidate) => candidate.id === pushed.stepId);
        blocks.push({ kind: 'note', text: t('help.suggestsStep', { name: agent.name, step: step ? step.title[language] : pushed.stepId }), tone: 'warn' });
        blocks.push({ kind: 'buttons', columns: 2, height: 84, buttons: [...(screen.goToStep ? [{ id: 'step:go', label: t('help.goToStep'), enabled: true, tone: 'primary' as const }] : []), { id: 'step:dismiss', label: t('help.dismiss'), enabled: true }] });
      }
      for (const line of mirrorState.chat.slice(-3)) {
        const who = line.authorId === selfId ? t('chat.you') : line.authorName || t('chat.someone');
        blocks.push({ kind: 'text', size: 'small', segments: [{ text: `${who}: `, bold: true }, { text: line.text, bold: false }] });
      }
      if (replyProblem) blocks.push({ kind: 'note', text: replyProblem, tone: 'warn' });
      blocks.push({ kind: 'buttons', columns: 3, height: 84, buttons: QUICK_REPLIES.map((key) => ({ id: `reply:${key}`, label: t(`hud.${key}`), enabled: true })) });
      blocks.push({ kind: 'buttons', columns: 2, buttons: [{ id: 'help:end', label: t('help.end'), enabled: !request.busy }, close] });
    }
    if (request.error) blocks.push({ kind: 'note', text: t('help.failed', { message: request.error }), tone: 'warn' });
    return blocks;
  }, [phase, agent, request, mirrorState.session, mirrorState.chat, callState, pushed, steps, screen.goToStep, replyProblem, selfId, language, t]);

  const press = (id: string) => {
    if (id === 'help:ask') void help.request(helpRequestContext(product.id, language, screenHelpContext(screen)));
    else if (id === 'help:cancel') void help.cancel();
    else if (id === 'help:end') void help.end();
    else if (id === 'call:answer') void call.accept(false);
    else if (id === 'call:decline') void call.decline();
    else if (id === 'call:mute') void call.setMuted(!callState.muted);
    else if (id === 'call:hangup') void call.hangup();
    else if (id === 'call:start') void call.start(false);
    else if (id === 'step:go' && pushed) {
      screen.goToStep?.(pushed.stepId);
      mirror.dismissPushedStep();
    } else if (id === 'step:dismiss') mirror.dismissPushedStep();
    else if (id.startsWith('reply:')) {
      const key = id.slice('reply:'.length) as (typeof QUICK_REPLIES)[number];
      setReplyProblem(null);
      sendChatMessage(client, mirror, t(`hud.${key}`)).catch((error: unknown) => setReplyProblem(chatProblemOf(error) === 'too-fast' ? t('chat.tooFast') : t('hud.notSent')));
    } else if (id === 'sheet:close') onClose();
  };
  return <HudSheet id="help" blocks={blocks} onPress={press} />;
}
