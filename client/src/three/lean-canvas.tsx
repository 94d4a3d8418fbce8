// A react-three-fiber canvas that registers only the three.js classes in three-catalogue.ts (R3F's <Canvas> registers
// the whole THREE namespace, which defeats tree-shaking and ships all of three to the first 3D frame). Each canvas names
// its view and exposes its scene for inspection while it is mounted.
import { Suspense, useEffect, useLayoutEffect, useRef, useState, type CSSProperties, type ReactNode } from 'react';
import { createRoot, events, extend, type ReconcilerRoot, type RenderProps } from '@react-three/fiber';
import { FiberProvider, useContextBridge } from 'its-fine';
import { expose } from '../observe/registry.ts';
import * as catalogue from './three-catalogue.ts';
import type { CanvasView } from './observed-canvas.ts';

export type { CanvasView } from './observed-canvas.ts';

extend(catalogue);

export interface LeanCanvasProps {
  view: CanvasView;
  children: ReactNode;
  camera?: RenderProps<HTMLCanvasElement>['camera'];
  gl?: RenderProps<HTMLCanvasElement>['gl'];
  dpr?: RenderProps<HTMLCanvasElement>['dpr'];
  /** At most this many drawn pixels: a large canvas renders at a lower pixel ratio (CPU-rendered WebGL, many views). */
  maxPixels?: number;
  style?: CSSProperties;
  'data-testid'?: string;
  /** What the picture shows, for people who cannot see it (the canvas becomes an image with this name). */
  label?: string;
}

function CanvasImpl({ view, children, camera, gl, dpr, maxPixels, style, 'data-testid': testId, label }: LeanCanvasProps) {
  const Bridge = useContextBridge();
  const container = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const root = useRef<ReconcilerRoot<HTMLCanvasElement> | null>(null);
  const unexpose = useRef<(() => void) | null>(null);
  const [size, setSize] = useState({ width: 0, height: 0, top: 0, left: 0 });

  useLayoutEffect(() => {
    const element = container.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const rect = element.getBoundingClientRect();
      setSize({ width: entry.contentRect.width, height: entry.contentRect.height, top: rect.top, left: rect.left });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  useLayoutEffect(() => {
    if (!canvas.current || size.width === 0 || size.height === 0) return;
    root.current ??= createRoot(canvas.current);
    const current = root.current;
    void current
      .configure({
        events,
        size,
        ...(camera ? { camera } : {}),
        ...(gl ? { gl } : {}),
        ...(maxPixels ? { dpr: Math.min(window.devicePixelRatio, Math.sqrt(maxPixels / (size.width * size.height))) } : dpr ? { dpr } : {}),
        onCreated: (state) => {
          state.events.connect?.(container.current);
          unexpose.current?.();
          unexpose.current = expose('canvas', { view, state: state.get });
        },
      })
      .then(() =>
        current.render(
          <Bridge>
            <Suspense fallback={null}>{children}</Suspense>
          </Bridge>,
        ),
      );
  });

  useEffect(
    () => () => {
      unexpose.current?.();
      root.current?.unmount();
      root.current = null;
    },
    [],
  );

  return (
    <div ref={container} style={{ position: 'relative', width: '100%', height: '100%', overflow: 'hidden', ...style }} data-testid={testId}>
      <canvas ref={canvas} style={{ display: 'block' }} data-view={view} {...(label ? { role: 'img', 'aria-label': label } : {})} />
    </div>
  );
}

export function LeanCanvas(props: LeanCanvasProps) {
  return (
    <FiberProvider>
      <CanvasImpl {...props} />
    </FiberProvider>
  );
}
