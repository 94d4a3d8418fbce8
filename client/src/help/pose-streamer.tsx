// Streams the requester's head and hands at ~30 Hz as compact volatile frames, only while an agent is helping.
import { useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { encodePoseFrame, POSE_HZ } from '../../../core/pose-frame.ts';
import type { RealtimeClient } from '../realtime/realtime-client.ts';
import type { SessionMirror } from '../sessions/session-mirror.ts';
import { samplePose } from './pose-sample.ts';

const INTERVAL_MS = 1000 / POSE_HZ;

export function PoseStreamer({ client, mirror }: { client: RealtimeClient; mirror: SessionMirror }) {
  const lastSent = useRef(0);

  useFrame((state, _delta, frame: XRFrame | undefined) => {
    const session = mirror.getState().session;
    const space = state.gl.xr.getReferenceSpace();
    if (!frame || !space || session?.help?.status !== 'active') return;
    const now = performance.now();
    if (now - lastSent.current < INTERVAL_MS - 2) return;
    lastSent.current = now;
    const sample = samplePose(frame, space, now);
    client.sendVolatile('pose:update', encodePoseFrame(session.session.poseChannel, sample));
  });
  return null;
}
