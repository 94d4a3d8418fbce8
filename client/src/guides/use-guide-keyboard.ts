// Desktop keys for a guide: → or Enter next, ← back, R read aloud; left alone where the key already means something.
import { useEffect } from 'react';
import type { Language } from '../../../core/languages.ts';
import type { GuideController } from './guide-controller.ts';

const TEXT_ENTRY = 'input:not([type="checkbox"]):not([type="radio"]):not([type="button"]):not([type="submit"]), textarea, select, [contenteditable="true"], [role="dialog"]';
const ACTIVATES_ON_ENTER = 'button, a[href], summary, input[type="button"], input[type="submit"]';
const MOVES_ON_ARROWS = 'input[type="radio"], input[type="range"]';

function keepsKey(target: Element | null, key: string): boolean {
  if (!target) return false;
  if (target.closest(TEXT_ENTRY)) return true;
  if (key === 'Enter') return target.closest(ACTIVATES_ON_ENTER) !== null;
  if (key === 'ArrowLeft' || key === 'ArrowRight') return target.closest(MOVES_ON_ARROWS) !== null;
  return false;
}

export function useGuideKeyboard(controller: GuideController | null, language: Language): void {
  useEffect(() => {
    if (!controller) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.repeat) return;
      if (keepsKey(event.target instanceof Element ? event.target : null, event.key)) return;
      if (event.key === 'ArrowRight' || event.key === 'Enter') controller.next();
      else if (event.key === 'ArrowLeft') controller.back();
      else if (event.key === 'r' || event.key === 'R') controller.repeat(language);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [controller, language]);
}
