// "Transfer to…": the other agents online now who cover the request's product line and language, one button each;
// says so when there is nobody. Escape or Cancel closes it and gives focus back to the button that opened it.
import { useCallback, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TransferTarget } from '../../../core/help.ts';
import type { AgentConsole, AgentTab } from './agent-console-store.ts';
import { errorText } from '../i18n/error-text.ts';

type Targets = { status: 'loading' } | { status: 'ready'; agents: TransferTarget[] } | { status: 'error'; message: string };

export interface TransferPickerProps {
  agentConsole: AgentConsole;
  tab: AgentTab;
  productName: string;
  languageName: string;
  disabled: boolean;
}

export function TransferPicker({ agentConsole, tab, productName, languageName, disabled }: TransferPickerProps) {
  const { t } = useTranslation('assist');
  const panelId = useId();
  const opener = useRef<HTMLButtonElement>(null);
  const [open, setOpen] = useState(false);
  const [targets, setTargets] = useState<Targets>({ status: 'loading' });

  const load = useCallback(async () => {
    setTargets({ status: 'loading' });
    try {
      setTargets({ status: 'ready', agents: await agentConsole.transferTargets(tab) });
    } catch (error) {
      setTargets({ status: 'error', message: errorText(error) });
    }
  }, [agentConsole, tab]);

  const close = () => {
    setOpen(false);
    opener.current?.focus();
  };
  const toggle = () => {
    if (open) return close();
    setOpen(true);
    void load();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!open || event.key !== 'Escape') return;
    event.preventDefault();
    close();
  };

  const found = targets.status === 'ready' ? targets.agents : [];
  const status =
    targets.status === 'loading' ? t('transfer.loading') : targets.status === 'ready' ? (found.length === 0 ? t('transfer.none', { product: productName, language: languageName }) : t('transfer.available', { count: found.length })) : '';

  return (
    <div className="transfer-picker" onKeyDown={onKeyDown}>
      <button ref={opener} type="button" aria-expanded={open} aria-controls={panelId} disabled={disabled} onClick={toggle}>
        {t('transfer.open')}
      </button>
      {open && (
        <div id={panelId} role="group" aria-labelledby={`${panelId}-title`} className="transfer-panel" data-testid="transfer-panel">
          <p id={`${panelId}-title`} className="transfer-title">
            {t('transfer.title', { name: tab.requesterName })}
          </p>
          <p role="status">{status}</p>
          {targets.status === 'error' && (
            <p role="alert" className="status-error">
              {t('transfer.failed', { message: targets.message })}
            </p>
          )}
          {found.length > 0 && (
            <ul>
              {found.map((agent) => (
                <li key={agent.id}>
                  <button type="button" className="primary" disabled={disabled} onClick={() => void agentConsole.transfer(tab, agent.id)}>
                    {t('transfer.to', { name: agent.name })}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className="transfer-actions">
            <button type="button" disabled={targets.status === 'loading'} onClick={() => void load()}>
              {t('transfer.refresh')}
            </button>
            <button type="button" onClick={close}>
              {t('transfer.cancel')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
