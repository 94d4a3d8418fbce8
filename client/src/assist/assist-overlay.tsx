// The assist page's DOM over AR (phones): taps on it are button presses, never also an XR select on the scene.
import { useEffect, useRef, type ReactNode } from 'react';

export function AssistOverlay({ children }: { children: ReactNode }) {
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const keep = (event: Event) => event.preventDefault();
    element.addEventListener('beforexrselect', keep);
    return () => element.removeEventListener('beforexrselect', keep);
  }, []);
  return (
    <div ref={root} className="assist-overlay">
      {children}
    </div>
  );
}
