// Small numeric tuples used on the wire and in the spatial model (metres, unit quaternions as x, y, z, w).
import { z } from 'zod';

const finite = z.number().finite();
export const Vec3Schema = z.tuple([finite, finite, finite]);
export const QuatSchema = z.tuple([finite, finite, finite, finite]);
export type Vec3 = z.infer<typeof Vec3Schema>;
export type Quat = z.infer<typeof QuatSchema>;

/** A rigid transform: position in metres and rotation as a unit quaternion. Never scaled: products are shown at 1:1. */
export const RigidTransformSchema = z.object({ position: Vec3Schema, quaternion: QuatSchema });
export type RigidTransform = z.infer<typeof RigidTransformSchema>;
