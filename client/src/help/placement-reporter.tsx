// Tells the session where the product stands in the requester's world whenever it is placed or moved (a few times a second at most).
import { useRef } from 'react';
import { useFrame } from '@react-three/fiber';
import { Quaternion, Vector3, type Group } from 'three';
import type { HelpStore } from './help-store.ts';

const MIN_INTERVAL_MS = 250;
const MOVED_METRES = 0.002;
const TURNED_RADIANS = 0.005;

const position = new Vector3();
const quaternion = new Quaternion();
const scale = new Vector3();

/** Render inside the product's frame (ProductModel children): its parent's world pose is the placement. */
export function PlacementReporter({ help }: { help: HelpStore }) {
  const probe = useRef<Group>(null);
  const sent = useRef<{ position: Vector3; quaternion: Quaternion } | null>(null);
  const inFlight = useRef(false);
  const lastAttempt = useRef(0);

  useFrame(() => {
    const frame = probe.current?.parent;
    const now = performance.now();
    if (!frame || inFlight.current || now - lastAttempt.current < MIN_INTERVAL_MS) return;
    frame.updateWorldMatrix(true, false);
    frame.matrixWorld.decompose(position, quaternion, scale);
    const last = sent.current;
    if (last && last.position.distanceTo(position) < MOVED_METRES && last.quaternion.angleTo(quaternion) < TURNED_RADIANS) return;
    const next = { position: position.clone(), quaternion: quaternion.clone() };
    inFlight.current = true;
    lastAttempt.current = now;
    void help.sendPlacement({ position: next.position.toArray(), quaternion: next.quaternion.toArray() as [number, number, number, number] }).then((ok) => {
      inFlight.current = false;
      if (!ok) return;
      sent.current = next;
    });
  });
  return <group ref={probe} name="placement-reporter" />;
}
