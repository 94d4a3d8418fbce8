// A form opened from a button in place of it: open, and closed again with focus back on the button that opened it.
import { useLayoutEffect, useRef, useState } from 'react';

export function useDisclosureForm() {
  const [open, setOpen] = useState(false);
  const startRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useLayoutEffect(() => {
    if (!open && returnFocus.current) {
      returnFocus.current = false;
      startRef.current?.focus();
    }
  }, [open]);

  return {
    open,
    startRef,
    show: () => setOpen(true),
    /** Closes the form; the opening button takes focus in the same commit that shows it again. */
    close: () => {
      returnFocus.current = true;
      setOpen(false);
    },
  };
}
