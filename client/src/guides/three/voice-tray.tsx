// The page's voice commands as a headset tray button that says whether they are on and turns them on or off (the same
// voice store as the inline runner's toggle), with a note when they stopped; absent where the browser cannot
// recognise speech.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from '../../state/use-store.ts';
import { useHudTray } from '../../xr/hud/hud-context.ts';
import type { HudTrayGroup } from '../../xr/hud/hud-store.ts';
import type { VoiceStore } from '../voice-store.ts';

const TOGGLE = 'guide:voice';

export function VoiceTray({ voice }: { voice: VoiceStore }) {
  const { t } = useTranslation('guide');
  const { available, listening, error } = useStore(voice, (state) => state);
  const group = useMemo(
    (): HudTrayGroup | null =>
      available
        ? {
            notes: error ? [{ text: t('voice.failed', { message: error }), tone: 'warn' }] : [],
            buttons: [{ id: TOGGLE, label: listening ? t('voice.trayOn') : t('voice.trayOff'), enabled: true, tone: listening ? 'done' : 'normal' }],
            onPress: (id) => {
              if (id === TOGGLE) voice.toggle();
            },
          }
        : null,
    [available, listening, error, voice, t],
  );
  useHudTray('voice', group);
  return null;
}
