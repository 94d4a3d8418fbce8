// What the page says about the developer XR emulator (`?emulate=1`): that it runs, or why it could not start.
// Loaded with its own translations only when the emulator was asked for, so visitors download neither.
import { useTranslation } from 'react-i18next';
import type { EmulatorProblem } from './ar-support.ts';

export default function EmulatorNote({ problem }: { problem: EmulatorProblem }) {
  const { t } = useTranslation('emulator');
  if (!problem) {
    return (
      <p className="ar-emulated" data-testid="ar-emulated">
        {t('emulated')}
      </p>
    );
  }
  const text = problem.reason === 'not-localhost' ? t('notLocalhost') : problem.reason === 'no-webgl2' ? t('noWebgl2') : t('failed', { message: problem.message ?? '' });
  return (
    <p role="alert" className="status-error" data-testid="emulator-problem">
      {text}
    </p>
  );
}
