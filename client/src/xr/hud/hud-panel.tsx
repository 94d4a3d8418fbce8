// One HUD panel: a tagged canvas panel whose bottom edge sits at its slot, and that tells the placement when a pointer
// is over it (a press there is a button, never a placement or a drag).
import { useCallback, useState } from 'react';
import { PX_PER_METRE, type PanelBlock, type PanelLayout } from '../../three/panel-layout.ts';
import { TaggedPanel } from '../../three/tagged-panel.tsx';
import { useHud } from './hud-context.ts';

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
  const [height, setHeight] = useState(0);
  const onLayout = useCallback((layout: PanelLayout) => setHeight(layout.height / PX_PER_METRE), []);
  const onPointerOver = useCallback((over: boolean) => placement.setUiHover(over), [placement]);
  return <TaggedPanel name={name} id={id} blocks={blocks} onPress={onPress} onLayout={onLayout} onPointerOver={onPointerOver} position={[0, height / 2, 0]} />;
}

/**
 * A sheet in the HUD's sheet slot: straight ahead above the tray and a little further away, so that it is whole in the
 * headset's view (beside the tray it fell off the view's left edge); the page shows one at a time.
 */
export function HudSheet({ id, blocks, onPress }: { id: string; blocks: readonly PanelBlock[]; onPress: (buttonId: string) => void }) {
  return (
    <group name="hud-sheet-slot" position={[0, 0.2, -0.35]} rotation={[-0.15, 0, 0]}>
      <HudPanel name="hud-sheet" id={id} blocks={blocks} onPress={onPress} />
    </group>
  );
}
