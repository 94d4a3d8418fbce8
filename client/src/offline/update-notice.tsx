// Tells the person a new version of the app is ready and lets them switch to it when it suits them.
import { useTranslation } from 'react-i18next';
import { useStore } from '../state/use-store.ts';
import { updateState } from './update-state.ts';

export function UpdateNotice() {
  const { t } = useTranslation();
  const apply = useStore(updateState, (state) => state.apply);
  if (!apply) return null;
  return (
    <div role="status" className="update-notice" data-testid="update-notice">
      <span>{t('update.ready')}</span>
      <button type="button" onClick={apply}>
        {t('update.reload')}
      </button>
    </div>
  );
}
