// Turns spoken navigation on and off where the browser can recognise speech; hidden where it cannot.
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../core/languages.ts';
import type { GuideController } from './guide-controller.ts';
import { useVoiceCommands } from './use-voice-commands.ts';

export function VoiceToggle({ controller, language }: { controller: GuideController; language: Language }) {
  const { t } = useTranslation('guide');
  const voice = useVoiceCommands(language, (command) => {
    if (command === 'next') controller.next();
    else if (command === 'back') controller.back();
    else controller.repeat(language);
  });
  if (!voice.available) return null;
  return (
    <div className="guide-voice">
      <button type="button" onClick={voice.toggle} aria-pressed={voice.listening}>
        {voice.listening ? t('voice.stop') : t('voice.start')}
      </button>
      {voice.listening && <span role="status">{t('voice.listening')}</span>}
      {voice.error && <span className="status-error">{t('voice.failed', { message: voice.error })}</span>}
    </div>
  );
}
