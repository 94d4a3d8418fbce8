// Non-modal dialog focus: focus moves into the dialog when it opens or shows another item, Escape closes, focus returns on close.
import { useEffect, type RefObject } from 'react';

export function useDialogFocus(dialog: RefObject<HTMLElement | null>, onClose: () => void, contentKey: unknown): void {
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    return () => {
      if (opener?.isConnected && opener !== document.body) opener.focus();
    };
  }, []);

  useEffect(() => {
    dialog.current?.focus();
  }, [dialog, contentKey]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
}
