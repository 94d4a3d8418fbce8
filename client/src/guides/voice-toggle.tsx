// Turns the page's spoken navigation on and off where the browser can recognise speech; hidden where it cannot.
import { useTranslation } from 'react-i18next';
import { useStore } from '../state/use-store.ts';
import type { VoiceStore } from './voice-store.ts';

export function VoiceToggle({ voice }: { voice: VoiceStore }) {
  const { t } = useTranslation('guide');
  const { available, listening, error } = useStore(voice, (state) => state);
  if (!available) return null;
  return (
    <div className="guide-voice">
      <button type="button" onClick={voice.toggle} aria-pressed={listening}>
        {listening ? t('voice.stop') : t('voice.start')}
      </button>
      {listening && <span role="status">{t('voice.listening')}</span>}
      {error && <span className="status-error">{t('voice.failed', { message: error })}</span>}
    </div>
  );
}
