// Loads a step's image for the 3D panel's canvas: null until it has loaded (or when it cannot), asked with CORS so a
// picture from another host cannot taint the panel's texture.
import { useEffect, useState } from 'react';
import type { PanelImage } from '../../three/panel-layout.ts';

export function useStepImage(url: string | null): PanelImage | null {
  const [loaded, setLoaded] = useState<{ url: string; image: PanelImage } | null>(null);
  useEffect(() => {
    if (!url) return;
    let cancelled = false;
    const element = new Image();
    element.crossOrigin = 'anonymous';
    element.decoding = 'async';
    element.onload = () => {
      if (!cancelled) setLoaded({ url, image: { source: element, width: element.naturalWidth, height: element.naturalHeight } });
    };
    element.src = url;
    return () => {
      cancelled = true;
      element.onload = null;
    };
  }, [url]);
  return loaded && loaded.url === url ? loaded.image : null;
}
