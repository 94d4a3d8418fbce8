// A flat panel drawn on a canvas texture (one mesh, one draw call) whose buttons are found from the hit point's uv, so
// a controller ray, a hand pinch, a touch or a mouse can press them.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ThreeEvent } from '@react-three/fiber';
import { CanvasTexture, SRGBColorSpace } from 'three';
import { OVERLAY_FLAG } from './product-parts.ts';
import { buttonAt, paintPanel, PX_PER_METRE, type PanelBlock, type PanelLayout } from './panel-layout.ts';

export interface CanvasPanelProps {
  blocks: readonly PanelBlock[];
  onPress: (buttonId: string) => void;
  /** Told when pointers start or stop being over the panel. */
  onPointerOver?: (over: boolean) => void;
  onLayout?: (layout: PanelLayout) => void;
  /** Told which button a pointer is over (null: none). */
  onHover?: (buttonId: string | null) => void;
  name?: string;
}

export function CanvasPanel({ blocks, onPress, onPointerOver, onLayout, onHover, name = 'canvas-panel' }: CanvasPanelProps) {
  const [hovered, setHovered] = useState<string | null>(null);
  const [layout, setLayout] = useState<PanelLayout | null>(null);
  const canvas = useMemo(() => document.createElement('canvas'), []);
  const texture = useMemo(() => {
    const created = new CanvasTexture(canvas);
    created.colorSpace = SRGBColorSpace;
    created.anisotropy = 4;
    return created;
  }, [canvas]);
  const pointers = useRef(new Set<number>());
  /** A press is a pointer going down and up on the same button, however long it is held (a click would time out). */
  const pressed = useRef(new Map<number, string | null>());
  const reportLayout = useRef(onLayout);
  useEffect(() => {
    reportLayout.current = onLayout;
  }, [onLayout]);

  useEffect(() => {
    const painted = paintPanel(canvas, blocks, hovered);
    texture.dispose();
    texture.needsUpdate = true;
    setLayout(painted);
    reportLayout.current?.(painted);
  }, [blocks, hovered, canvas, texture]);

  useEffect(() => () => texture.dispose(), [texture]);
  useEffect(() => {
    onHover?.(hovered);
  }, [hovered, onHover]);

  if (!layout) return null;
  const hit = (event: ThreeEvent<PointerEvent | MouseEvent>) => (event.uv ? buttonAt(layout, event.uv.x, event.uv.y) : null);
  return (
    <mesh
      name={name}
      userData={{ [OVERLAY_FLAG]: true }}
      renderOrder={10}
      pointerEventsOrder={1}
      onPointerDown={(event) => {
        event.stopPropagation();
        pressed.current.set(event.pointerId, hit(event)?.id ?? null);
      }}
      onPointerUp={(event) => {
        event.stopPropagation();
        const started = pressed.current.get(event.pointerId);
        pressed.current.delete(event.pointerId);
        const button = hit(event);
        if (button && button.id === started) onPress(button.id);
      }}
      onClick={(event) => event.stopPropagation()}
      onPointerMove={(event) => {
        const id = hit(event)?.id ?? null;
        if (id !== hovered) setHovered(id);
      }}
      onPointerEnter={(event) => {
        pointers.current.add(event.pointerId);
        onPointerOver?.(true);
      }}
      onPointerLeave={(event) => {
        pointers.current.delete(event.pointerId);
        pressed.current.delete(event.pointerId);
        if (pointers.current.size === 0) onPointerOver?.(false);
        setHovered(null);
      }}
    >
      <planeGeometry args={[layout.width / PX_PER_METRE, layout.height / PX_PER_METRE]} />
      <meshBasicMaterial map={texture} transparent toneMapped={false} depthTest={false} />
    </mesh>
  );
}
