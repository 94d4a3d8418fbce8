// The connection problem the page's banner shows, on the headset's tray: a note (a refusal in warning colours, a
// dropped connection that may come back as information) and, where reloading is what helps, a Reload button.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useConnectionProblem } from '../../components/use-connection-problem.ts';
import { useHudTray } from './hud-context.ts';
import type { HudTrayGroup } from './hud-store.ts';

const RELOAD = 'connection:reload';

export function ConnectionNote() {
  const { t } = useTranslation();
  const problem = useConnectionProblem();
  const group = useMemo((): HudTrayGroup | null => {
    if (!problem) return null;
    return {
      notes: [{ text: t(problem.messageKey), tone: problem.blocking ? 'warn' : 'info' }],
      buttons: problem.action === 'reload' ? [{ id: RELOAD, label: t('connection.action.reload'), enabled: true }] : [],
      onPress: (id) => {
        if (id === RELOAD) window.location.reload();
      },
    };
  }, [problem, t]);
  useHudTray('connection', group);
  return null;
}
