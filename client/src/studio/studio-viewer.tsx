// Studio's 3D view of a draft: turned and scaled live as the author edits, parts picked by click, landmarks placed by
// click and shown as markers, and the picture the catalog will use captured from it.
import { useEffect, useMemo, useRef } from 'react';
import { useThree, type ThreeEvent } from '@react-three/fiber';
import { useTranslation } from 'react-i18next';
import type { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { LeanCanvas } from '../three/lean-canvas.tsx';
import { ViewerControls } from '../three/viewer-controls.tsx';
import { useStore } from '../state/use-store.ts';
import type { DraftStore } from './draft-store.ts';
import { highlight, standingTransform, studioIdOf, useDraftModel, type LoadedModel } from './draft-model.ts';
import { ViewProbe, type CaptureRef } from './view-probe.tsx';

export interface StudioViewerProps {
  store: DraftStore;
  /** Called with a point on the model, in the draft model's own frame, and the node clicked, in the landmark tool. */
  onLandmarkPoint: (position: [number, number, number], nodeId: string) => void;
  capture: CaptureRef;
  /** A model to show instead of the draft's own (a split preview). */
  previewUrl?: string | null;
}

function DraftScene({ store, model, onLandmarkPoint }: { store: DraftStore; model: Extract<LoadedModel, { status: 'ready' }>; onLandmarkPoint: StudioViewerProps['onLandmarkPoint'] }) {
  const orientation = useStore(store, (state) => state.draft?.orientation);
  const scale = useStore(store, (state) => state.draft?.scale ?? 1);
  const landmarks = useStore(store, (state) => state.draft?.landmarks ?? []);
  const selected = useStore(store, (state) => state.selectedNodeId);
  const tool = useStore(store, (state) => state.tool);
  const { scene, bounds } = model;
  const stand = useMemo(() => standingTransform(bounds, orientation ?? { xTurns: 0, zTurns: 0, yawDegrees: 0 }, scale), [bounds, orientation, scale]);
  const marker = Math.max(...bounds.getSize(bounds.min.clone()).toArray()) * 0.015;
  useEffect(() => highlight(scene, selected), [scene, selected]);

  const onClick = (event: ThreeEvent<MouseEvent>) => {
    const nodeId = studioIdOf(event.object);
    if (!nodeId) return;
    event.stopPropagation();
    if (tool === 'landmark') {
      const local = scene.worldToLocal(event.point.clone());
      const round = (value: number) => Math.round(value * 1e5) / 1e5;
      onLandmarkPoint([round(local.x), round(local.y), round(local.z)], nodeId);
    } else store.select(nodeId);
  };

  return (
    <group position={stand.offset}>
      <group quaternion={stand.quaternion} scale={stand.scale}>
        <primitive object={scene} onClick={onClick} />
        {landmarks.map((landmark) => (
          <mesh key={landmark.id} position={landmark.position} name={`landmark:${landmark.id}`} raycast={() => null}>
            <sphereGeometry args={[marker, 16, 12]} />
            <meshBasicMaterial color="#e4572e" depthTest={false} />
          </mesh>
        ))}
      </group>
    </group>
  );
}

function Framing({ size }: { size: number }) {
  const camera = useThree((state) => state.camera);
  useEffect(() => {
    camera.position.set(size * 1.4, size * 1.1, size * 2.2);
    camera.near = size / 200;
    camera.far = size * 50;
    camera.updateProjectionMatrix();
  }, [camera, size]);
  return null;
}

export function StudioViewer({ store, onLandmarkPoint, capture, previewUrl }: StudioViewerProps) {
  const { t } = useTranslation('studio');
  const modelUrl = useStore(store, (state) => state.draft?.modelUrl ?? '');
  const dimensions = useStore(store, (state) => state.draft?.dimensions);
  const tool = useStore(store, (state) => state.tool);
  const model = useDraftModel(previewUrl ?? modelUrl);
  const controls = useRef<OrbitControls>(null);
  const size = Math.max(dimensions?.width ?? 1, dimensions?.height ?? 1, dimensions?.depth ?? 1, 0.05);
  const centreY = (dimensions?.height ?? 1) / 2;

  return (
    <div className={`viewer studio-viewer${tool === 'landmark' ? ' studio-viewer-landmark' : ''}`}>
      {model.status === 'loading' && <p className="viewer-progress" role="status">{t('viewer.loading')}</p>}
      {model.status === 'error' && (
        <p className="viewer-progress" role="alert">
          {t('viewer.failed')}
        </p>
      )}
      <div className="studio-canvas" role="img" aria-label={t(tool === 'landmark' ? 'viewer.landmarkLabel' : 'viewer.label')}>
      <LeanCanvas view="studio" dpr={[1, 2]} camera={{ position: [size * 1.4, size * 1.1, size * 2.2], fov: 35, near: 0.005, far: 200 }} gl={{ antialias: true, preserveDrawingBuffer: true }} data-testid="studio-canvas">
        <color attach="background" args={['#eef2f7']} />
        <hemisphereLight args={['#ffffff', '#8a95a5', 1.4]} />
        <directionalLight position={[2, 4, 3]} intensity={2.2} />
        <directionalLight position={[-3, 2, -2]} intensity={0.6} />
        <Framing size={size} />
        {model.status === 'ready' && <DraftScene store={store} model={model} onLandmarkPoint={onLandmarkPoint} />}
        <ViewerControls ref={controls} target={[0, centreY, 0]} minDistance={size * 0.2} maxDistance={size * 8} />
        <ViewProbe capture={capture} ready={model.status === 'ready'} />
      </LeanCanvas>
      </div>
      <button type="button" className="viewer-reset" onClick={() => controls.current?.reset()}>
        {t('viewer.reset')}
      </button>
    </div>
  );
}
