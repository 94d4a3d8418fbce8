// The assist page's part of the headset HUD (loaded only when AR starts without a DOM overlay): live help (help and
// proposal, shared with the help page), and the tray buttons for pointing out a part, alignment and voice commands,
// the finished alignment's words, the card of a tapped part, help offered on a step before asking, once the guide is
// finished "Your usual?", and the surveys, one at a time (after the usual): about an order placed from the part card
// or the agent's proposal once its sheet is closed, about the guide once it is finished, about the help once an agent
// has helped and the help has ended.
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductDetail } from '../../../core/catalog.ts';
import type { Language } from '../../../core/languages.ts';
import type { SurveyTarget } from '../../../core/survey.ts';
import { helpOf, helpPhase } from '../help/help-store.ts';
import { useHelpSurveyTarget } from '../help/three/help-survey-target.ts';
import { LiveHelpHud } from '../help/three/live-help-hud.tsx';
import { VoiceTray } from '../guides/three/voice-tray.tsx';
import type { VoiceStore } from '../guides/voice-store.ts';
import { useOrderSurveyTarget } from '../orders/three/order-survey-target.ts';
import { PartCardSheet } from '../orders/three/part-card-sheet.tsx';
import { OfferSheet } from '../proactive/three/offer-sheet.tsx';
import type { LiveSession } from '../sessions/live-session.ts';
import { useLiveSession } from '../sessions/session-provider.tsx';
import { useSessionScreen, type SessionScreen } from '../sessions/session-screen.ts';
import { useStore } from '../state/use-store.ts';
import { alignmentResultText } from '../xr/alignment/alignment-panel.ts';
import type { AlignmentStore } from '../xr/alignment/alignment-store.ts';
import { useHud, useHudTray } from '../xr/hud/hud-context.ts';
import { loadNamespace } from '../i18n/i18n.ts';
import type { PartTaps } from './part-taps.ts';

const HudSurveys = lazy(() => Promise.all([import('../surveys/three/hud-surveys.tsx'), loadNamespace('survey')]).then(([module]) => module));
const UsualSheet = lazy(() => Promise.all([import('../orders/usual/three/usual-sheet.tsx'), loadNamespace('orders')]).then(([module]) => module));

export interface AssistHudProps {
  product: ProductDetail;
  alignment: AlignmentStore;
  partTaps: PartTaps;
  /** The part whose card is open, and closing it. */
  partId: string | null;
  onClosePart: () => void;
  /** The page's voice commands while a guide runs (a tray button turns them on and off). */
  voice: VoiceStore | null;
  /** The survey to ask about, once the guide is finished. */
  survey: SurveyTarget | null;
  /** Once the guide is finished and until the person is done with it: "Your usual?" for the guide's product, before the survey. */
  usual: { guideId: string; onDone: () => void } | null;
}

export default function AssistHud(props: AssistHudProps) {
  const session = useLiveSession();
  const screen = useSessionScreen();
  return session && screen ? <AssistHudContent session={session} screen={screen} {...props} /> : null;
}

function AssistHudContent({ session, screen, product, alignment, partTaps, partId, onClosePart, voice, survey, usual }: AssistHudProps & { session: LiveSession; screen: SessionScreen }) {
  const { t, i18n } = useTranslation('assist');
  const { t: guideT } = useTranslation('guide');
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const { hud } = useHud();
  const sheet = useStore(hud, (state) => state.sheet);
  const mirror = useStore(session.mirror, (state) => state);
  const request = useStore(helpOf(session), (state) => state);
  const tapMode = useStore(partTaps, (state) => state.mode);
  const aligned = useStore(alignment, (state) => state);
  const aligning = aligned.phase === 'collecting';
  const active = helpPhase(mirror, request) === 'active';
  const helpSurvey = useHelpSurveyTarget(session);
  const order = useOrderSurveyTarget();
  const surveys = useMemo(() => [order.target, survey, helpSurvey], [order.target, survey, helpSurvey]);
  const anySurvey = surveys.some((target) => target !== null);
  const alignmentNote = alignmentResultText(aligned, screen.assetId, language, guideT);

  useEffect(() => {
    if (partId) hud.open('part');
  }, [hud, partId]);

  const tray = useMemo(
    () => ({
      notes: alignmentNote ? [{ text: alignmentNote, tone: 'info' as const }] : [],
      buttons: [
        ...(active ? [{ id: 'assist:ping', label: tapMode === 'ping' ? t('hud.pingArmed') : t('hud.ping'), enabled: true }] : []),
        { id: 'assist:align', label: t('hud.align'), enabled: !aligning },
      ],
      onPress: (id: string) => {
        if (id === 'assist:ping') partTaps.setMode(tapMode === 'ping' ? 'card' : 'ping');
        else if (id === 'assist:align') {
          hud.close();
          alignment.start();
        }
      },
    }),
    [active, tapMode, aligning, alignmentNote, hud, partTaps, alignment, t],
  );
  useHudTray('assist', aligning ? null : tray);

  const closePart = () => {
    hud.close('part');
    order.onSheetClosed();
    onClosePart();
  };
  return (
    <>
      <LiveHelpHud session={session} screen={screen} product={product} hidden={aligning} orders={order} />
      {voice && !aligning && <VoiceTray voice={voice} />}
      {!aligning && sheet === 'part' && partId && <PartCardSheet product={product} partId={partId} onClose={closePart} onOrdered={order.onOrdered} />}
      {!aligning && !survey && <OfferSheet session={session} screen={screen} />}
      {!aligning && usual && (
        <Suspense fallback={null}>
          <UsualSheet guideId={usual.guideId} onDone={usual.onDone} />
        </Suspense>
      )}
      {!aligning && anySurvey && !usual && (
        <Suspense fallback={null}>
          <HudSurveys targets={surveys} />
        </Suspense>
      )}
    </>
  );
}
