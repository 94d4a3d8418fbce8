// One HUD panel: a tagged canvas panel whose bottom edge (the tray) or centre (a sheet) sits at its slot, and that tells the placement when a pointer
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
  /** What sits at the slot: the bottom edge (the tray) or the centre (a sheet). @default 'bottom' */
  anchor?: 'bottom' | 'centre';
}

export function HudPanel({ name, id, blocks, onPress, anchor = 'bottom' }: HudPanelProps) {
  const { placement } = useHud();
  const [height, setHeight] = useState(0);
  const onLayout = useCallback((layout: PanelLayout) => setHeight(layout.height / PX_PER_METRE), []);
  const onPointerOver = useCallback((over: boolean) => placement.setUiHover(over), [placement]);
  return <TaggedPanel name={name} id={id} blocks={blocks} onPress={onPress} onLayout={onLayout} onPointerOver={onPointerOver} position={[0, anchor === 'bottom' ? height / 2 : 0, 0]} />;
}

/**
 * A sheet, centred on the HUD's sheet slot, which ArHud keeps on the head's heading, above the tray and whole in the
 * headset's view (sheet-follow.ts); the page shows one at a time.
 */
export function HudSheet({ id, blocks, onPress }: { id: string; blocks: readonly PanelBlock[]; onPress: (buttonId: string) => void }) {
  return <HudPanel name="hud-sheet" id={id} blocks={blocks} onPress={onPress} anchor="centre" />;
}
