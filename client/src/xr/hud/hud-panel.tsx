// One HUD panel: a canvas panel whose bottom edge sits at its slot, tagged with what it shows for tools, and that
// tells the placement when a pointer is over it (a press there is a button, never a placement or a drag).
import { useCallback, useRef, useState } from 'react';
import type { Group } from 'three';
import { CanvasPanel } from '../../three/canvas-panel.tsx';
import { PX_PER_METRE, type PanelBlock, type PanelLayout } from '../../three/panel-layout.ts';
import { useHud } from './hud-context.ts';

/** What a HUD panel shows, on its group for tools. */
export interface HudPanelTag {
  layout: PanelLayout;
  sheet: string;
  hovered: string | null;
  /** The panel's words besides its buttons, in order. */
  texts: string[];
}

function textsOf(blocks: readonly PanelBlock[]): string[] {
  return blocks.flatMap((block) => {
    if (block.kind === 'title' || block.kind === 'note' || block.kind === 'value' || block.kind === 'progress') return [block.text];
    if (block.kind === 'text' || block.kind === 'warning') return [block.segments.map((segment) => segment.text).join('')];
    return [];
  });
}

export interface HudPanelProps {
  /** `hud-tray` or `hud-sheet`: the group's name. */
  name: 'hud-tray' | 'hud-sheet';
  /** Which sheet (or `tray`). */
  id: string;
  blocks: readonly PanelBlock[];
  onPress: (buttonId: string) => void;
}

export function HudPanel({ name, id, blocks, onPress }: HudPanelProps) {
  const { placement } = useHud();
  const group = useRef<Group>(null);
  const [height, setHeight] = useState(0);
  const tag = useCallback((patch: Partial<HudPanelTag>) => {
    if (group.current) group.current.userData = { ...group.current.userData, ...patch };
  }, []);
  const onHover = useCallback((hovered: string | null) => tag({ hovered }), [tag]);
  const onLayout = useCallback(
    (layout: PanelLayout) => {
      tag({ layout, sheet: id, texts: textsOf(blocks) });
      setHeight(layout.height / PX_PER_METRE);
    },
    [tag, id, blocks],
  );
  const onPointerOver = useCallback((over: boolean) => placement.setUiHover(over), [placement]);
  return (
    <group ref={group} name={name} position={[0, height / 2, 0]}>
      <CanvasPanel blocks={blocks} onPress={onPress} onHover={onHover} onLayout={onLayout} onPointerOver={onPointerOver} name={`${name}-surface`} />
    </group>
  );
}

/** A sheet in the HUD's sheet slot (left of the tray, turned to the person); the page shows one at a time. */
export function HudSheet({ id, blocks, onPress }: { id: string; blocks: readonly PanelBlock[]; onPress: (buttonId: string) => void }) {
  return (
    <group name="hud-sheet-slot" position={[-0.5, -0.02, 0.08]} rotation={[-0.2, 0.45, 0, 'YXZ']}>
      <HudPanel name="hud-sheet" id={id} blocks={blocks} onPress={onPress} />
    </group>
  );
}
