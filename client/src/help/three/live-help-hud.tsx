// Live help's part of the headset HUD, for every page with a live session (assist, help): the tray's help and proposal
// buttons, and the help or proposal sheet. Opens a sheet by itself when something arrives: an agent's answer, call or
// suggested step, a proposal. Tells the page of an order placed from the proposal and of the proposal sheet closing,
// for the order's survey. Loaded only when AR starts without a DOM overlay.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductDetail } from '../../../../core/catalog.ts';
import type { Language } from '../../../../core/languages.ts';
import type { Order } from '../../../../core/order.ts';
import { callOf } from '../../call/call-controller.ts';
import { ProposalSheet } from '../../orders/three/proposal-sheet.tsx';
import type { LiveSession } from '../../sessions/live-session.ts';
import { activeAgent } from '../../sessions/session-reducer.ts';
import type { SessionScreen } from '../../sessions/session-screen.ts';
import { useStore } from '../../state/use-store.ts';
import { useHud, useHudTray } from '../../xr/hud/hud-context.ts';
import { helpOf, helpPhase } from '../help-store.ts';
import { helpRequestContext, screenHelpContext } from '../help-request-context.ts';
import { HelpSheet } from './help-sheet.tsx';

export interface LiveHelpHudProps {
  session: LiveSession;
  screen: SessionScreen;
  product: ProductDetail;
  /** Something else has the person's attention (an alignment): no buttons, no sheet. */
  hidden?: boolean;
  /** An order was placed from the proposal sheet; the proposal sheet was closed (after it or not). */
  orders?: { onOrdered(order: Order): void; onSheetClosed(): void };
}

export function LiveHelpHud({ session, screen, product, hidden = false, orders }: LiveHelpHudProps) {
  const { t, i18n } = useTranslation(['assist', 'orders']);
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const { hud } = useHud();
  const sheet = useStore(hud, (state) => state.sheet);
  const help = helpOf(session);
  const mirror = useStore(session.mirror, (state) => state);
  const request = useStore(help, (state) => state);
  const ringing = useStore(callOf(session), (state) => state.phase === 'ringing');
  const phase = helpPhase(mirror, request);
  const agent = mirror.session ? activeAgent(mirror.session) : null;
  const proposalSeq = mirror.proposal?.seq ?? null;
  const pushedSeq = mirror.pushedStep?.seq ?? null;

  const closeProposal = useCallback(() => {
    hud.close('proposal');
    orders?.onSheetClosed();
  }, [hud, orders]);

  const seen = useRef({ proposalSeq, pushedSeq, phase });
  useEffect(() => {
    const before = seen.current;
    if (proposalSeq !== null && proposalSeq !== before.proposalSeq) hud.open('proposal');
    else if ((pushedSeq !== null && pushedSeq !== before.pushedSeq) || ringing || (phase === 'active' && before.phase !== 'active')) hud.open('help');
    seen.current = { proposalSeq, pushedSeq, phase };
  }, [hud, proposalSeq, pushedSeq, ringing, phase]);

  const tray = useMemo(() => {
    const helpLabel = phase === 'active' && agent ? t('help.withAgentShort', { name: agent.name }) : phase === 'waiting' || phase === 'requesting' ? t('help.waitingShort') : t('help.getHelp');
    return {
      buttons: [
        { id: 'assist:help', label: helpLabel, enabled: mirror.session !== null, tone: 'primary' as const },
        ...(proposalSeq !== null ? [{ id: 'assist:proposal', label: t('orders:hud.proposalParts'), enabled: true }] : []),
      ],
      onPress: (id: string) => {
        if (id === 'assist:help') {
          if (phase === 'idle' || phase === 'ended') {
            void help.request(helpRequestContext(product.id, language, screenHelpContext(screen)));
            hud.open('help');
          } else hud.toggle('help');
        } else if (id === 'assist:proposal') {
          if (hud.getState().sheet === 'proposal') closeProposal();
          else hud.open('proposal');
        }
      },
    };
  }, [phase, agent, mirror.session, proposalSeq, screen, help, hud, product.id, language, t, closeProposal]);
  useHudTray('help', hidden ? null : tray);

  if (hidden) return null;
  if (sheet === 'help') return <HelpSheet session={session} screen={screen} product={product} onClose={() => hud.close('help')} />;
  if (sheet === 'proposal') return <ProposalSheet session={session} onClose={closeProposal} onOrdered={orders?.onOrdered} />;
  return null;
}
