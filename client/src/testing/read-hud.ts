// The headset HUD as tests see it: the sheet open, and where each button of the tray and the sheet is in the world
// (and the same reading for any tagged panel).
import type { Camera, Mesh, Object3D, PlaneGeometry } from 'three';
import type { PanelTag } from '../three/tagged-panel.tsx';
import type { HudPanelTestState, HudTestState } from './test-state-shape.ts';
import { newest } from './exposed.ts';
import { worldFacing, worldPoint } from './scene-reading.ts';

/** A tagged panel (HUD tray or sheet, alignment panel): its words and where each button is in the world. */
function inView(surface: Mesh<PlaneGeometry>, camera: Camera | null): HudPanelTestState['inView'] {
  if (!camera) return null;
  const { width, height } = surface.geometry.parameters;
  const corners = [[-1, -1], [1, -1], [1, 1], [-1, 1]].map(([x = 0, y = 0]) => surface.localToWorld(surface.position.clone().set((x * width) / 2, (y * height) / 2, 0)).project(camera));
  const xs = corners.map((corner) => corner.x);
  const ys = corners.map((corner) => corner.y);
  return { left: Math.min(...xs), right: Math.max(...xs), bottom: Math.min(...ys), top: Math.max(...ys) };
}

export function readPanel(group: Object3D | undefined, camera: Camera | null = null): HudPanelTestState | null {
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
    inView: inView(surface, camera),
  };
}

/** `camera`: the XR view camera the panels are projected with (see HudPanelTestState.inView). */
export function readHud(scene: Object3D, camera: Camera | null = null): HudTestState | null {
  const root = scene.getObjectByName('hud');
  const store = newest('hud');
  if (!root || !store) return null;
  return { sheet: store.getState().sheet, tray: readPanel(root.getObjectByName('hud-tray'), camera), shown: readPanel(root.getObjectByName('hud-sheet'), camera) };
}
