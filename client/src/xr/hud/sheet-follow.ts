// Where the HUD sits while a sheet is open: the sheet and, right below it in the same plane, the tray, as one block on the
// head's heading, at the height the gaze allows and far enough to be whole in the view (looking ahead or down at the
// product alike); nothing of the HUD stands between the person and the sheet. The block stays put (no swimming with
// every small head motion) until part of it would leave the view, the head turned well away, the person walked or the
// block changed size; then it is placed again.
import { MathUtils, Vector3, type Camera, type Mesh, type Object3D, type PlaneGeometry } from 'three';

/** Angles in radians: the gaze's pitch and the view's half angles. */
export interface HudView {
  pitch: number;
  halfV: number;
  halfH: number;
}

/** The block's centre as seen from the eye: its elevation (radians) and distance (metres). */
export interface BlockPose {
  elevation: number;
  distance: number;
}

const MARGIN = MathUtils.degToRad(3);
const NEAR_METRES = 0.85;
const TURNED_AWAY = MathUtils.degToRad(25);
const WALKED_METRES = 0.25;
const RESIZED_METRES = 0.02;
/** Between the sheet's bottom edge and the tray's top edge. */
const GAP_METRES = 0.03;

const halfAngle = (size: number, distance: number) => Math.atan(size / 2 / distance);
const fitDistance = (size: number, angle: number) => size / 2 / Math.tan(Math.max(angle, 1e-3));

/** The pose that keeps a `width` × `height` block whole in the view: centred on the gaze when it fits, pushed back when not. */
export function blockPose({ pitch, halfV, halfH }: HudView, width: number, height: number): BlockPose {
  const hi = pitch + halfV - MARGIN;
  const lo = pitch - halfV + MARGIN;
  const distance = Math.max(NEAR_METRES, fitDistance(width, halfH - MARGIN), fitDistance(height, (hi - lo) / 2));
  return { elevation: pitch, distance };
}

/** Whether a block placed at `pose` on heading `placedYaw` is still whole in a view looking along `yaw` and `view.pitch`. */
function stillInView(pose: BlockPose, placedYaw: number, yaw: number, view: HudView, width: number, height: number): boolean {
  const alpha = halfAngle(height, pose.distance);
  const beta = halfAngle(width, pose.distance);
  const turned = Math.abs(MathUtils.euclideanModulo(yaw - placedYaw + Math.PI, 2 * Math.PI) - Math.PI);
  return pose.elevation + alpha <= view.pitch + view.halfV && pose.elevation - alpha >= view.pitch - view.halfV && turned + beta <= view.halfH && turned < TURNED_AWAY;
}

interface Placed {
  eye: Vector3;
  yaw: number;
  height: number;
  pose: BlockPose;
}

export interface HeadReading {
  eye: Vector3;
  /** Horizontal, unit length. */
  forward: Vector3;
  yaw: number;
  pitch: number;
}

const height = (surface: Mesh<PlaneGeometry> | null) => surface?.geometry.parameters.height ?? 0;

function surfaceOf(root: Object3D, name: string): Mesh<PlaneGeometry> | null {
  return (root.getObjectByName(name) as Mesh<PlaneGeometry> | undefined) ?? null;
}

/**
 * Places the sheet `slot` (its centre) and the `tray` group (its bottom edge) while a sheet is open; both are children of
 * an unmoved parent. `update` says whether a sheet is open (when not, the tray follows its own rule).
 */
export function createSheetFollow() {
  let placed: Placed | null = null;
  return {
    update(slot: Object3D, tray: Object3D, head: HeadReading, camera: Camera): boolean {
      const sheet = surfaceOf(slot, 'hud-sheet-surface');
      if (!sheet) {
        placed = null;
        return false;
      }
      const { width } = sheet.geometry.parameters;
      const sheetHeight = height(sheet);
      const trayHeight = height(surfaceOf(tray, 'hud-tray-surface'));
      const blockHeight = sheetHeight + GAP_METRES + trayHeight;
      const projection = camera.projectionMatrix.elements;
      const view: HudView = { pitch: head.pitch, halfV: Math.atan(1 / (projection[5] ?? 1)), halfH: Math.atan(1 / (projection[0] ?? 1)) };
      const last = placed;
      if (last && last.eye.distanceTo(head.eye) < WALKED_METRES && Math.abs(last.height - blockHeight) < RESIZED_METRES && stillInView(last.pose, last.yaw, head.yaw, view, width, blockHeight)) return true;

      const pose = blockPose(view, width, blockHeight);
      placed = { eye: head.eye.clone(), yaw: head.yaw, height: blockHeight, pose };
      const across = pose.distance * Math.cos(pose.elevation);
      slot.position.set(head.eye.x + head.forward.x * across, head.eye.y + pose.distance * Math.sin(pose.elevation), head.eye.z + head.forward.z * across);
      slot.rotation.set(pose.elevation, head.yaw, 0, 'YXZ');
      slot.updateMatrix();
      tray.position.set(0, -blockHeight / 2, 0).applyMatrix4(slot.matrix);
      tray.rotation.copy(slot.rotation);
      slot.position.add(new Vector3(0, blockHeight / 2 - sheetHeight / 2, 0).applyEuler(slot.rotation));
      return true;
    },
  };
}
