// Turns a draft's model into the product's: one unnamed root that turns, scales and places it in the frame its placement
// calls for, part nodes renamed to their part ids (the client finds a part by its node's name). Only the GLB's JSON changes.
import type { Quat, Vec3 } from '../../core/geometry.ts';
import { orientationQuaternion, rotateVector, type BoxSize, type StudioOrientation } from '../../core/studio.ts';
import type { Placement } from '../../core/catalog.ts';
import { readGlb, writeGlb } from './glb-json.ts';

export interface PublishTransform {
  rotation: Quat;
  scale: number;
  translation: Vec3;
  /** The product's size once so placed: exact for quarter turns, the enclosing box under a free yaw. */
  dimensions: BoxSize;
}

const round = (value: number) => Math.round(value * 1e6) / 1e6 + 0;

function normalized(q: Quat): Quat {
  const length = Math.hypot(...q);
  return [q[0] / length, q[1] / length, q[2] / length, q[3] / length];
}

/**
 * The transform that turns a model with these bounds by `orientation`, scales it, and places it in the frame the app
 * gives its placement: a floor product stands centred on the floor; a wall product has its back on the wall (z = 0) and
 * its middle at the origin (the app hangs it there in AR, and inline lifts it by half its height onto the floor).
 */
export function publishTransform(bounds: { min: Vec3; max: Vec3 }, orientation: StudioOrientation, scale: number, placement: Placement = 'floor'): PublishTransform {
  const rotation = normalized(orientationQuaternion(orientation));
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  for (const x of [bounds.min[0], bounds.max[0]]) {
    for (const y of [bounds.min[1], bounds.max[1]]) {
      for (const z of [bounds.min[2], bounds.max[2]]) {
        const corner = rotateVector(rotation, [x * scale, y * scale, z * scale]);
        for (const axis of [0, 1, 2] as const) {
          min[axis] = Math.min(min[axis], corner[axis]);
          max[axis] = Math.max(max[axis], corner[axis]);
        }
      }
    }
  }
  return {
    rotation,
    scale,
    translation: placement === 'wall' ? [round(-(min[0] + max[0]) / 2), round(-(min[1] + max[1]) / 2), round(-min[2])] : [round(-(min[0] + max[0]) / 2), round(-min[1]), round(-(min[2] + max[2]) / 2)],
    dimensions: { width: round(max[0] - min[0]), height: round(max[1] - min[1]), depth: round(max[2] - min[2]) },
  };
}

/** Where a point of the draft model ends up in the product's frame. */
export function transformPoint(transform: PublishTransform, point: Vec3): Vec3 {
  const turned = rotateVector(transform.rotation, [point[0] * transform.scale, point[1] * transform.scale, point[2] * transform.scale]);
  return [round(turned[0] + transform.translation[0]), round(turned[1] + transform.translation[1]), round(turned[2] + transform.translation[2])];
}

/** Where a point of the product's frame was in the draft model: the inverse of {@link transformPoint}. */
export function draftPoint(transform: PublishTransform, point: Vec3): Vec3 {
  const [x, y, z, w] = transform.rotation;
  const moved: Vec3 = [point[0] - transform.translation[0], point[1] - transform.translation[1], point[2] - transform.translation[2]];
  const back = rotateVector([-x, -y, -z, w], moved);
  return [round(back[0] / transform.scale), round(back[1] / transform.scale), round(back[2] / transform.scale)];
}

interface GltfNode {
  name?: string;
  extras?: { studioId?: unknown; partId?: unknown };
  [key: string]: unknown;
}

/** The material the client tints with the product's variant colour; an imported model's own keeps its colour. */
const VARIANT_MATERIAL = 'body';

/**
 * The published GLB: nodes keyed in `partIds` (studio key → part id) take the part id as their name and carry it in
 * `extras.partId` (the client's `userData.partId`, by which it picks parts and draws hints); other nodes whose
 * name is some part's id get a suffix, so each part id names exactly one node. A material named like the one the
 * client tints is renamed, so the model shows its own colours.
 */
export function publishedGlb(draftGlb: Buffer, transform: PublishTransform, partIds: ReadonlyMap<string, string>): Buffer {
  const glb = readGlb(draftGlb);
  const nodes = (glb.json.nodes ?? []) as GltfNode[];
  const taken = new Set(partIds.values());
  for (const node of nodes) {
    const key = typeof node.extras?.studioId === 'string' ? node.extras.studioId : undefined;
    const partId = key === undefined ? undefined : partIds.get(key);
    if (partId !== undefined) {
      node.name = partId;
      node.extras = { ...node.extras, partId };
    } else if (node.name !== undefined && taken.has(node.name)) node.name = `${node.name} (node)`;
  }
  for (const material of (glb.json.materials ?? []) as Array<{ name?: string }>) {
    if (material.name === VARIANT_MATERIAL) material.name = `${VARIANT_MATERIAL} (model)`;
  }
  const scenes = (glb.json.scenes ?? []) as Array<{ nodes?: number[] }>;
  const scene = scenes[typeof glb.json.scene === 'number' ? glb.json.scene : 0];
  if (!scene) throw new Error('the draft model has no scene');
  const { rotation, scale, translation } = transform;
  nodes.push({ rotation, scale: [scale, scale, scale], translation, children: scene.nodes ?? [] });
  scene.nodes = [nodes.length - 1];
  glb.json.nodes = nodes;
  return writeGlb(glb);
}
