// What a product builder returns: part geometry grouped by material, and landmarks, all in the model frame (metres).
import type { Vec3 } from '../../core/geometry.ts';
import type { LocalizedText } from '../../core/i18n.ts';
import type { Placement } from '../../core/catalog.ts';
import type { Bounds, MeshData } from './geometry/mesh-data.ts';
import { meshBounds, unionBounds } from './geometry/mesh-data.ts';
import { translate } from './geometry/transform.ts';
import type { MaterialName } from './materials.ts';

export interface PartPrimitive {
  material: MaterialName;
  mesh: MeshData;
}

export interface PartGeometry {
  id: string;
  /** The part node's translation; primitive vertices are relative to it. */
  origin: Vec3;
  primitives: PartPrimitive[];
}

export interface LandmarkGeometry {
  id: string;
  partId: string;
  name: LocalizedText;
  position: Vec3;
}

export interface ProductModel {
  id: string;
  placement: Placement;
  parts: PartGeometry[];
  landmarks: LandmarkGeometry[];
}

const round = (value: number): number => Math.round(value * 1e4) / 1e4;

/** A part whose geometry is given in the model frame; its node origin becomes the centre of its bounds. */
export function partInModelFrame(id: string, primitives: PartPrimitive[]): PartGeometry {
  const bounds = unionBounds(primitives.map((primitive) => meshBounds(primitive.mesh)));
  const origin: Vec3 = [0, 1, 2].map((axis) => round(((bounds.min[axis] ?? 0) + (bounds.max[axis] ?? 0)) / 2)) as Vec3;
  const inverse: Vec3 = [-origin[0], -origin[1], -origin[2]];
  return { id, origin, primitives: primitives.map(({ material, mesh }) => ({ material, mesh: translate(mesh, inverse) })) };
}

export function partBounds(part: PartGeometry): Bounds {
  const local = unionBounds(part.primitives.map((primitive) => meshBounds(primitive.mesh)));
  return {
    min: [0, 1, 2].map((axis) => (local.min[axis] ?? 0) + (part.origin[axis] ?? 0)) as Vec3,
    max: [0, 1, 2].map((axis) => (local.max[axis] ?? 0) + (part.origin[axis] ?? 0)) as Vec3,
  };
}

export function modelBounds(model: ProductModel): Bounds {
  return unionBounds(model.parts.map(partBounds));
}
