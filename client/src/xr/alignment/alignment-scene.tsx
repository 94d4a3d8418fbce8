// Landmark alignment in AR: a small copy of the model shows which landmark to touch next; a select records the
// controller tip (or, on a phone, the hit-test point) read in the next XR frame; a good fit places the product there
// under an anchor. On entering AR, a saved alignment is restored from this device's persistent anchor; without one the
// twin is not placed (each AR session starts from a new origin, so the saved pose would float in the wrong place) and
// the person is asked to align again.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { useXR, useXRHitTestSource, useXRInputSourceEvent } from '@react-three/xr';
import { Matrix4, Vector3, type Group, type Mesh } from 'three';
import { useTranslation } from 'react-i18next';
import type { ProductDetail } from '../../../../core/catalog.ts';
import type { RigidTransform, Vec3 } from '../../../../core/geometry.ts';
import type { Language } from '../../../../core/languages.ts';
import { ProductModel } from '../../three/product-model.tsx';
import { TaggedPanel } from '../../three/tagged-panel.tsx';
import { useStore } from '../../state/use-store.ts';
import { usePlacement } from '../placement-context.ts';
import type { PlacementStore } from '../placement-store.ts';
import { alignmentBlocks } from './alignment-panel.ts';
import type { AlignmentStore } from './alignment-store.ts';
import { rememberAnchor, rememberedAnchor, type PersistableAnchor, type PersistentAnchors } from './remembered-anchor.ts';

export interface AlignmentSceneProps {
  alignment: AlignmentStore;
  product: ProductDetail;
  color: string | null;
  assetId: string;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
}

const MINI_SCALE = 0.3;
const hitMatrix = new Matrix4();
const eye = new Vector3();
const forward = new Vector3();

export function AlignmentScene({ alignment, product, color, assetId, storage }: AlignmentSceneProps) {
  const placement = usePlacement();
  const phase = useStore(alignment, (state) => state.phase);
  const saved = useStore(alignment, (state) => state.saved);
  const session = useXR((state) => state.session);
  const origin = useXR((state) => state.originReferenceSpace);
  const hitTest = useXRHitTestSource('viewer');
  const pendingSelect = useRef<XRInputSource | null>(null);
  const lastHit = useRef<Vec3 | null>(null);
  const cursors = useRef<Array<Mesh | null>>([]);
  const restoredFor = useRef<XRSession | null>(null);
  /** The pose of a fresh landmark alignment whose anchor should be kept on this device once it exists. */
  const toPersist = useRef<RigidTransform | null>(null);
  const collecting = phase === 'collecting';
  const realign = useStore(alignment, (state) => state.phase === 'idle' && state.source === 'needs-realign');

  useEffect(() => {
    placement.setPaused(collecting);
    return () => placement.setPaused(false);
  }, [placement, collecting]);

  useXRInputSourceEvent(
    'all',
    'select',
    (event) => {
      if (alignment.getState().phase !== 'collecting' || placement.getState().uiHover) return;
      pendingSelect.current = event.inputSource;
    },
    [alignment, placement],
  );

  useEffect(() => {
    if (phase !== 'placing') return;
    const result = alignment.getState().result;
    if (!result) return;
    toPersist.current = result.transform;
    placement.placeAt({ position: [...result.transform.position], quaternion: [...result.transform.quaternion] }, product.placement);
    void alignment.placed();
  }, [phase, alignment, placement, product.placement]);

  useEffect(
    () =>
      placement.subscribe((state) => {
        const transform = toPersist.current;
        if (!transform || !state.anchor) return;
        toPersist.current = null;
        (state.anchor as XRAnchor & PersistableAnchor)
          .requestPersistentHandle?.()
          .then((handle) => rememberAnchor(storage, assetId, handle, transform))
          .catch(() => undefined);
      }),
    [placement, storage, assetId],
  );

  useEffect(() => {
    if (!session || !saved || restoredFor.current === session) return;
    const current = placement.getState();
    if (current.phase === 'placed' || alignment.getState().phase !== 'idle') return;
    restoredFor.current = session;
    void restoreSaved(session as XRSession & PersistentAnchors, placement, product, saved.transform, rememberedAnchor(storage, assetId, saved.transform)).then((source) => alignment.restored(source));
  }, [session, saved, placement, alignment, product, storage, assetId]);

  useFrame((_state, _delta, frame: XRFrame | undefined) => {
    if (!frame || !origin) return;
    if (hitTest) {
      const hit = frame.getHitTestResults(hitTest.source)[0];
      if (hit && hitTest.getWorldMatrix(hitMatrix, hit)) lastHit.current = [hitMatrix.elements[12] ?? 0, hitMatrix.elements[13] ?? 0, hitMatrix.elements[14] ?? 0];
    }
    const pointers = [...frame.session.inputSources].filter((source) => source.targetRayMode === 'tracked-pointer');
    cursors.current.forEach((cursor, index) => {
      const source = pointers[index];
      const pose = collecting && source ? frame.getPose(source.targetRaySpace, origin) : undefined;
      if (!cursor) return;
      cursor.visible = pose !== undefined && pose !== null;
      if (pose) cursor.position.set(pose.transform.position.x, pose.transform.position.y, pose.transform.position.z);
    });
    const source = pendingSelect.current;
    if (!source) return;
    pendingSelect.current = null;
    if (source.targetRayMode === 'tracked-pointer') {
      const pose = frame.getPose(source.targetRaySpace, origin);
      if (pose) alignment.addPoint([pose.transform.position.x, pose.transform.position.y, pose.transform.position.z]);
    } else if (lastHit.current) {
      alignment.addPoint(lastHit.current);
    }
  });

  return (
    <group name="alignment">
      {[0, 1].map((index) => (
        <mesh key={index} ref={(mesh) => void (cursors.current[index] = mesh)} visible={false} renderOrder={5}>
          <sphereGeometry args={[0.008, 16, 12]} />
          <meshBasicMaterial color="#f59e0b" depthTest={false} transparent />
        </mesh>
      ))}
      {(collecting || phase === 'bad-fit' || phase === 'failed' || realign) && <AlignmentGuide alignment={alignment} product={product} color={color} placement={placement} />}
    </group>
  );
}

async function restoreSaved(session: XRSession & PersistentAnchors, placement: PlacementStore, product: ProductDetail, transform: { position: Vec3; quaternion: [number, number, number, number] }, handle: string | null) {
  const pose = { position: [...transform.position] as Vec3, quaternion: [...transform.quaternion] as [number, number, number, number] };
  if (handle && session.restorePersistentAnchor && (session.persistentAnchors ?? []).includes(handle)) {
    try {
      const anchor = await session.restorePersistentAnchor(handle);
      placement.placeUnder(anchor, pose, product.placement);
      return 'persistent-anchor' as const;
    } catch {
      /* the platform lost it: ask for a new alignment below */
    }
  }
  return 'needs-realign' as const;
}

/** The small model in front of the person with the landmarks marked, and the panel saying what to do. */
function AlignmentGuide({ alignment, product, color, placement }: { alignment: AlignmentStore; product: ProductDetail; color: string | null; placement: PlacementStore }) {
  const { t, i18n } = useTranslation('guide');
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const state = useStore(alignment, (value) => value);
  const camera = useThree((three) => three.camera);
  const holder = useRef<Group>(null);
  const pulse = useRef<Mesh>(null);
  const [usesController, setUsesController] = useState(true);
  const session = useXR((xr) => xr.session);
  useEffect(() => {
    if (!session) return;
    const update = () => setUsesController([...session.inputSources].some((source) => source.targetRayMode === 'tracked-pointer'));
    update();
    session.addEventListener('inputsourceschange', update);
    return () => session.removeEventListener('inputsourceschange', update);
  }, [session]);

  const blocks = useMemo(() => alignmentBlocks(alignment, state, language, usesController, t), [alignment, state, language, usesController, t]);
  const next = state.phase === 'collecting' ? state.points.length : -1;

  useFrame(({ clock }) => {
    const group = holder.current;
    if (!group) return;
    camera.getWorldPosition(eye);
    camera.getWorldDirection(forward).setY(0);
    if (forward.lengthSq() < 1e-6) forward.set(0, 0, -1);
    forward.normalize();
    group.position.copy(eye).addScaledVector(forward, 0.6);
    group.position.y -= 0.28;
    group.rotation.set(0, Math.atan2(-forward.x, -forward.z), 0);
    if (pulse.current) pulse.current.scale.setScalar(1 + 0.35 * Math.sin(clock.elapsedTime * 6));
  });

  const onPointerOver = useCallback((over: boolean) => placement.setUiHover(over), [placement]);
  const press = (id: string) => {
    if (id === 'undo') alignment.undo();
    else if (id === 'finish') alignment.finishEarly();
    else if (id === 'redo') alignment.start();
    else if (id === 'cancel') alignment.cancel();
  };

  return (
    <group ref={holder} name="alignment-guide">
      <group scale={MINI_SCALE} position={[0, -(product.dimensions.height * MINI_SCALE) / 2, 0]}>
        <ProductModel product={product} color={color}>
          {alignment.landmarks.map((landmark, index) => (
            <mesh key={landmark.id} ref={index === next ? pulse : null} position={landmark.position} renderOrder={4}>
              <sphereGeometry args={[index === next ? 0.045 : 0.03, 16, 12]} />
              <meshBasicMaterial color={index === next ? '#f59e0b' : index < state.points.length ? '#22c55e' : '#e2e8f0'} depthTest={false} transparent />
            </mesh>
          ))}
        </ProductModel>
      </group>
      <group position={[0, (product.dimensions.height * MINI_SCALE) / 2 + 0.2, 0]}>
        <TaggedPanel name="alignment-panel" id="alignment" blocks={blocks} onPress={press} onPointerOver={onPointerOver} />
      </group>
    </group>
  );
}
