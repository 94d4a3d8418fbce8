// The assist page's part of the headset HUD (loaded only when AR starts without a DOM overlay): tray buttons for help,
// the agent's proposal, pointing out a part and alignment, and the sheet open now (help, proposal or part card). Opens
// a sheet by itself when something arrives: an agent's answer, call or suggested step, a proposal, a tapped part.
import { useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductDetail } from '../../../core/catalog.ts';
import type { Language } from '../../../core/languages.ts';
import { callOf } from '../call/call-controller.ts';
import { helpOf, helpPhase } from '../help/help-store.ts';
import { helpRequestContext } from '../help/help-request-context.ts';
import { HelpSheet } from '../help/three/help-sheet.tsx';
import { PartCardSheet } from '../orders/three/part-card-sheet.tsx';
import { ProposalSheet } from '../orders/three/proposal-sheet.tsx';
import type { LiveSession } from '../sessions/live-session.ts';
import { useLiveSession } from '../sessions/session-provider.tsx';
import { activeAgent } from '../sessions/session-reducer.ts';
import { useSessionScreen, type SessionScreen } from '../sessions/session-screen.ts';
import { useStore } from '../state/use-store.ts';
import type { AlignmentStore } from '../xr/alignment/alignment-store.ts';
import { useHud, useHudTray } from '../xr/hud/hud-context.ts';
import type { PartTaps } from './part-taps.ts';

export interface AssistHudProps {
  product: ProductDetail;
  alignment: AlignmentStore;
  partTaps: PartTaps;
  /** The part whose card is open, and closing it. */
  partId: string | null;
  onClosePart: () => void;
}

export default function AssistHud(props: AssistHudProps) {
  const session = useLiveSession();
  const screen = useSessionScreen();
  return session && screen ? <AssistHudContent session={session} screen={screen} {...props} /> : null;
}

function AssistHudContent({ session, screen, product, alignment, partTaps, partId, onClosePart }: AssistHudProps & { session: LiveSession; screen: SessionScreen }) {
  const { t, i18n } = useTranslation(['assist', 'orders']);
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const { hud } = useHud();
  const sheet = useStore(hud, (state) => state.sheet);
  const help = helpOf(session);
  const mirror = useStore(session.mirror, (state) => state);
  const request = useStore(help, (state) => state);
  const ringing = useStore(callOf(session), (state) => state.phase === 'ringing');
  const tapMode = useStore(partTaps, (state) => state.mode);
  const aligning = useStore(alignment, (state) => state.phase === 'collecting');
  const phase = helpPhase(mirror, request);
  const agent = mirror.session ? activeAgent(mirror.session) : null;
  const proposalSeq = mirror.proposal?.seq ?? null;
  const pushedSeq = mirror.pushedStep?.seq ?? null;

  const seen = useRef({ proposalSeq, pushedSeq, phase });
  useEffect(() => {
    const before = seen.current;
    if (proposalSeq !== null && proposalSeq !== before.proposalSeq) hud.open('proposal');
    else if ((pushedSeq !== null && pushedSeq !== before.pushedSeq) || ringing || (phase === 'active' && before.phase !== 'active')) hud.open('help');
    seen.current = { proposalSeq, pushedSeq, phase };
  }, [hud, proposalSeq, pushedSeq, ringing, phase]);
  useEffect(() => {
    if (partId) hud.open('part');
  }, [hud, partId]);

  const tray = useMemo(() => {
    const helpLabel = phase === 'active' && agent ? t('help.withAgentShort', { name: agent.name }) : phase === 'waiting' || phase === 'requesting' ? t('help.waitingShort') : t('help.getHelp');
    return {
      buttons: [
        { id: 'assist:help', label: helpLabel, enabled: mirror.session !== null, tone: 'primary' as const },
        ...(proposalSeq !== null ? [{ id: 'assist:proposal', label: t('orders:hud.proposalParts'), enabled: true }] : []),
        ...(phase === 'active' ? [{ id: 'assist:ping', label: tapMode === 'ping' ? t('hud.pingArmed') : t('hud.ping'), enabled: true }] : []),
        { id: 'assist:align', label: t('hud.align'), enabled: !aligning },
      ],
      onPress: (id: string) => {
        if (id === 'assist:help') {
          if (phase === 'idle' || phase === 'ended') {
            const context = { ...(screen.guideId ? { guideId: screen.guideId } : {}), ...(screen.stepId ? { stepId: screen.stepId } : {}), installedAssetId: screen.assetId };
            void help.request(helpRequestContext(product.id, language, context));
            hud.open('help');
          } else hud.toggle('help');
        } else if (id === 'assist:proposal') hud.toggle('proposal');
        else if (id === 'assist:ping') partTaps.setMode(tapMode === 'ping' ? 'card' : 'ping');
        else if (id === 'assist:align') {
          hud.close();
          alignment.start();
        }
      },
    };
  }, [phase, agent, mirror.session, proposalSeq, tapMode, aligning, screen, help, hud, partTaps, alignment, product.id, language, t]);
  useHudTray('assist', aligning ? null : tray);

  const closePart = () => {
    hud.close('part');
    onClosePart();
  };
  if (aligning) return null;
  if (sheet === 'help') return <HelpSheet session={session} screen={screen} product={product} onClose={() => hud.close('help')} />;
  if (sheet === 'proposal') return <ProposalSheet session={session} onClose={() => hud.close('proposal')} />;
  if (sheet === 'part' && partId) return <PartCardSheet product={product} partId={partId} onClose={closePart} />;
  return null;
}
