// Tells automated tests where a 3D panel's buttons are in the world and which way the panel faces.
import { Vector3, type Object3D } from 'three';
import { publishTestState, type GuideButtonTestState } from '../../test-hook.ts';
import { PX_PER_METRE, type PanelLayout } from '../../three/panel-layout.ts';

const local = new Vector3();
const normal = new Vector3();

export function panelButtonsInWorld(panel: Object3D, layout: PanelLayout): { buttons: GuideButtonTestState[]; normal: [number, number, number] } {
  panel.updateWorldMatrix(true, false);
  const width = layout.width / PX_PER_METRE;
  const height = layout.height / PX_PER_METRE;
  const buttons = layout.buttons.map((rect) => {
    local.set(((rect.x + rect.width / 2) / layout.width - 0.5) * width, (0.5 - (rect.y + rect.height / 2) / layout.height) * height, 0).applyMatrix4(panel.matrixWorld);
    return { id: rect.button.id, enabled: rect.button.enabled, position: local.toArray() as [number, number, number] };
  });
  normal.set(0, 0, 1).transformDirection(panel.matrixWorld);
  return { buttons, normal: normal.toArray() as [number, number, number] };
}

export function publishGuidePanel(panel: Object3D, layout: PanelLayout, stepId: string | null, hovered: string | null): void {
  publishTestState('guide', { panel: { stepId, hovered, ...panelButtonsInWorld(panel, layout) } });
}
