// A canvas panel in a named group tagged with what it shows (its layout, words and hovered button), for tools and tests
// that read the scene: the headset HUD's panels and the alignment panel.
import { useCallback, useRef } from 'react';
import type { Group } from 'three';
import { CanvasPanel } from './canvas-panel.tsx';
import type { PanelBlock, PanelLayout } from './panel-layout.ts';

/** What a tagged panel shows, on its group's userData. */
export interface PanelTag {
  layout: PanelLayout;
  /** Which panel (a HUD sheet's id, `tray`, `alignment`). */
  sheet: string;
  hovered: string | null;
  /** The panel's words besides its buttons, in order. */
  texts: string[];
}

export function panelTexts(blocks: readonly PanelBlock[]): string[] {
  return blocks.flatMap((block) => {
    if (block.kind === 'title' || block.kind === 'note' || block.kind === 'value' || block.kind === 'progress') return [block.text];
    if (block.kind === 'text' || block.kind === 'warning') return [block.segments.map((segment) => segment.text).join('')];
    return [];
  });
}

export interface TaggedPanelProps {
  /** The group's name; the panel's mesh is `<name>-surface`. */
  name: string;
  id: string;
  blocks: readonly PanelBlock[];
  onPress: (buttonId: string) => void;
  onPointerOver?: (over: boolean) => void;
  onLayout?: (layout: PanelLayout) => void;
  position?: [number, number, number];
}

export function TaggedPanel({ name, id, blocks, onPress, onPointerOver, onLayout, position = [0, 0, 0] }: TaggedPanelProps) {
  const group = useRef<Group>(null);
  const tag = useCallback((patch: Partial<PanelTag>) => {
    if (group.current) group.current.userData = { ...group.current.userData, ...patch };
  }, []);
  const onHover = useCallback((hovered: string | null) => tag({ hovered }), [tag]);
  const laidOut = useCallback(
    (layout: PanelLayout) => {
      tag({ layout, sheet: id, texts: panelTexts(blocks) });
      onLayout?.(layout);
    },
    [tag, id, blocks, onLayout],
  );
  return (
    <group ref={group} name={name} position={position}>
      <CanvasPanel blocks={blocks} onPress={onPress} onHover={onHover} onLayout={laidOut} {...(onPointerOver ? { onPointerOver } : {})} name={`${name}-surface`} />
    </group>
  );
}
