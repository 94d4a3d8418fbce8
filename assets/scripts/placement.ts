// Moves a built model onto the origin convention: floor products stand centred on y = 0, wall products hang from z = 0.
import type { Vec3 } from '../../core/geometry.ts';
import type { ProductModel } from './product-model.ts';
import { modelBounds } from './product-model.ts';

const round = (value: number): number => Math.round(value * 1e4) / 1e4;

/**
 * Floor: origin at the centre of the footprint on the floor (min y = 0).
 * Wall: origin at the centre of the back face (min z = 0), vertically centred.
 */
export function placeModel(model: ProductModel): ProductModel {
  const { min, max } = modelBounds(model);
  const centre = (axis: number): number => ((min[axis] ?? 0) + (max[axis] ?? 0)) / 2;
  const exact: Vec3 = model.placement === 'floor' ? [-centre(0), -(min[1] ?? 0), -centre(2)] : [-centre(0), -centre(1), -(min[2] ?? 0)];
  const offset = exact.map(round) as Vec3;
  const shift = (point: Vec3): Vec3 => [round(point[0] + offset[0]), round(point[1] + offset[1]), round(point[2] + offset[2])];
  return {
    ...model,
    parts: model.parts.map((part) => ({ ...part, origin: shift(part.origin) })),
    landmarks: model.landmarks.map((landmark) => ({ ...landmark, position: shift(landmark.position) })),
  };
}
