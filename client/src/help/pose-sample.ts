// Reads one pose sample from an XR frame: the viewer (head) and each hand or controller, in the scene's world frame.
import type { RigidTransform } from '../../../core/geometry.ts';
import type { PoseSample } from '../../../core/pose-frame.ts';

function toTransform(pose: XRPose | undefined | null): RigidTransform | undefined {
  if (!pose) return undefined;
  const { position: p, orientation: q } = pose.transform;
  return { position: [p.x, p.y, p.z], quaternion: [q.x, q.y, q.z, q.w] };
}

/** Where a hand is: the grip of a controller, the wrist of a tracked hand, else the pointing ray. */
function handPose(frame: XRFrame, source: XRInputSource, space: XRReferenceSpace): XRPose | undefined | null {
  if (source.gripSpace) return frame.getPose(source.gripSpace, space);
  const wrist = source.hand?.get('wrist');
  if (wrist && frame.getJointPose) return frame.getJointPose(wrist, space);
  return frame.getPose(source.targetRaySpace, space);
}

export function samplePose(frame: XRFrame, space: XRReferenceSpace, t: number): PoseSample {
  const sample: PoseSample = { t };
  const head = toTransform(frame.getViewerPose(space));
  if (head) sample.head = head;
  for (const source of frame.session.inputSources) {
    if (source.handedness !== 'left' && source.handedness !== 'right') continue;
    const transform = toTransform(handPose(frame, source, space));
    if (transform) sample[source.handedness] = transform;
  }
  return sample;
}
