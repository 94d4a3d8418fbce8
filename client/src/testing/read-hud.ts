// The headset HUD as tests see it: the sheet open, and where each button of the tray and the sheet is in the world
// (and the same reading for any tagged panel).
import type { Mesh, Object3D, PlaneGeometry } from 'three';
import type { PanelTag } from '../three/tagged-panel.tsx';
import type { HudPanelTestState, HudTestState } from './test-state-shape.ts';
import { newest } from './exposed.ts';
import { worldFacing, worldPoint } from './scene-reading.ts';

/** A tagged panel (HUD tray or sheet, alignment panel): its words and where each button is in the world. */
export function readPanel(group: Object3D | undefined): HudPanelTestState | null {
  const surface = group?.getObjectByName(`${group.name}-surface`) as Mesh<PlaneGeometry> | undefined;
  const tag = group?.userData as Partial<PanelTag> | undefined;
  if (!group || !surface || !tag?.layout || !tag.sheet) return null;
  const { layout } = tag;
  const { width, height } = surface.geometry.parameters;
  return {
    id: tag.sheet,
    texts: tag.texts ?? [],
    buttons: layout.buttons.map((rect) => ({
      id: rect.button.id,
      label: rect.button.label,
      enabled: rect.button.enabled,
      position: worldPoint(group, [((rect.x + rect.width / 2) / layout.width - 0.5) * width, (0.5 - (rect.y + rect.height / 2) / layout.height) * height, 0]),
    })),
    normal: worldFacing(group),
  };
}

export function readHud(scene: Object3D): HudTestState | null {
  const root = scene.getObjectByName('hud');
  const store = newest('hud');
  if (!root || !store) return null;
  return { sheet: store.getState().sheet, tray: readPanel(root.getObjectByName('hud-tray')), shown: readPanel(root.getObjectByName('hud-sheet')) };
}
