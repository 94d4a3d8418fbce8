// Reads one pose sample from an XR frame: the viewer (head) and each hand or controller, in the scene's world frame.
import type { RigidTransform } from '../../../core/geometry.ts';
import type { PoseSample } from '../../../core/pose-frame.ts';

function toTransform(pose: XRPose | undefined | null): RigidTransform | undefined {
  if (!pose) return undefined;
  const { position: p, orientation: q } = pose.transform;
  return { position: [p.x, p.y, p.z], quaternion: [q.x, q.y, q.z, q.w] };
}

/** The space that best stands for where a hand is: the grip, a tracked hand's wrist, else the pointing ray. */
function handSpace(source: XRInputSource): XRSpace {
  return source.gripSpace ?? source.hand?.get('wrist') ?? source.targetRaySpace;
}

export function samplePose(frame: XRFrame, space: XRReferenceSpace, t: number): PoseSample {
  const sample: PoseSample = { t };
  const head = toTransform(frame.getViewerPose(space));
  if (head) sample.head = head;
  for (const source of frame.session.inputSources) {
    if (source.handedness !== 'left' && source.handedness !== 'right') continue;
    const target = handSpace(source);
    const pose = target instanceof XRJointSpace && frame.getJointPose ? frame.getJointPose(target, space) : frame.getPose(target, space);
    const transform = toTransform(pose);
    if (transform) sample[source.handedness] = transform;
  }
  return sample;
}
