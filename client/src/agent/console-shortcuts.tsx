// The console's one-key shortcuts: a keydown hook that stays quiet while the agent types, and the help that lists them.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** Every shortcut, in the order the help lists them; the key is what `KeyboardEvent.key` reports. */
export const SHORTCUTS = [
  { key: 'a', label: 'acceptNext' },
  { key: 'f', label: 'fit' },
  { key: 'v', label: 'requesterView' },
  { key: '1', label: 'steps' },
  { key: '2', label: 'parts' },
  { key: '3', label: 'cart' },
  { key: '?', label: 'help' },
] as const;
export type ShortcutKey = (typeof SHORTCUTS)[number]['key'];

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['button', 'checkbox', 'radio', 'range', 'submit', 'reset'].includes(target.type);
}

/** Calls `handlers[key]` for a bare key press (no Ctrl, Alt or Meta) outside text fields and open dialogs. */
export function useShortcuts(handlers: Partial<Record<ShortcutKey, () => void>>): void {
  const current = useRef(handlers);
  useEffect(() => {
    current.current = handlers;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey || typingIn(event.target)) return;
      if (document.querySelector('dialog[open]')) return;
      const handler = current.current[event.key.toLowerCase() as ShortcutKey];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}

/** A button that opens the list of shortcuts ("?" opens it too). */
export function ShortcutsHelp() {
  const { t } = useTranslation('assist');
  const dialog = useRef<HTMLDialogElement>(null);
  const open = () => dialog.current?.showModal();
  useShortcuts({ '?': open });
  return (
    <>
      <button type="button" className="shortcuts-open" onClick={open} aria-keyshortcuts="?" aria-label={t('shortcuts.open')}>
        <span className="shortcuts-word">{t('shortcuts.word')}</span> (?)
      </button>
      <dialog ref={dialog} className="shortcuts-help" aria-labelledby="shortcuts-title">
        <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
        <dl>
          {SHORTCUTS.map(({ key, label }) => (
            <div key={key}>
              <dt>
                <kbd>{key.toUpperCase()}</kbd>
              </dt>
              <dd>{t(`shortcuts.${label}`)}</dd>
            </div>
          ))}
        </dl>
        <p className="hint">{t('shortcuts.notWhileTyping')}</p>
        <form method="dialog">
          <button type="submit">{t('close', { ns: 'common' })}</button>
        </form>
      </dialog>
    </>
  );
}
