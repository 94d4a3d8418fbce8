// The live 3D twin of the requester's scene: the product where they placed it, their head and hands from the pose
// stream, the session's annotations; orbit, snap to their view, and click to annotate.
import { Suspense, useRef } from 'react';
import { OrbitControls } from '@react-three/drei';
import { useTranslation } from 'react-i18next';
import type { Group } from 'three';
import type { ProductDetail } from '../../../core/catalog.ts';
import type { RealtimeClient } from '../realtime/realtime-client.ts';
import { LeanCanvas } from '../three/lean-canvas.tsx';
import { useStore } from '../state/use-store.ts';
import { noRaycast } from '../annotations/annotation-mark.tsx';
import type { AgentTab } from './agent-console-store.ts';
import { TwinAvatar, type AvatarRefs } from './twin-avatar.tsx';
import { TwinCamera } from './twin-camera.tsx';
import { TwinProduct } from './twin-product.tsx';
import { TwinPartAnnotator } from './twin-part-annotator.tsx';
import type { TwinUi } from './twin-ui-store.ts';
import { useAnnotate } from './use-annotate.ts';

/** The twin is the largest view on the page: beyond this it renders at a lower pixel ratio rather than stall the page. */
const TWIN_MAX_PIXELS = 360_000;

export interface TwinViewProps {
  client: RealtimeClient;
  tab: AgentTab;
  product: ProductDetail;
  ui: TwinUi;
  /** Parts the requester's current guide step points at, outlined in the twin. */
  stepPartIds: readonly string[];
  /** The requester's current step, shown over the view. */
  caption: string | null;
}

export function TwinView({ client, tab, product, ui, stepPartIds, caption }: TwinViewProps) {
  const { t } = useTranslation('assist');
  const productRef = useRef<Group>(null);
  const avatar: AvatarRefs = { head: useRef<Group>(null), left: useRef<Group>(null), right: useRef<Group>(null) };
  const annotate = useAnnotate(client, tab, ui);
  const snapped = useStore(ui, (state) => state.snapped);
  const tool = useStore(ui, (state) => state.tool);
  const helping = useStore(tab.session.mirror, (state) => state.session?.help?.status === 'active');

  return (
    <div className="twin-view" data-tool={tool} role="img" aria-label={t('twin.label', { name: tab.requesterName })}>
      <LeanCanvas view="twin" maxPixels={TWIN_MAX_PIXELS} camera={{ position: [1, 1, 1.4], fov: 45, near: 0.01, far: 100 }} gl={{ antialias: true, preserveDrawingBuffer: true }} data-testid="twin-canvas">
        <color attach="background" args={['#1e293b']} />
        <hemisphereLight args={['#ffffff', '#475569', 1.5]} />
        <directionalLight position={[2, 4, 3]} intensity={2} />
        <directionalLight position={[-2, 3, -3]} intensity={1.4} />
        <ambientLight intensity={0.5} />
        <mesh rotation={[-Math.PI / 2, 0, 0]} raycast={noRaycast}>
          <circleGeometry args={[4, 48]} />
          <meshBasicMaterial color="#334155" />
        </mesh>
        <Suspense fallback={null}>
          <TwinProduct tab={tab} product={product} ui={ui} productRef={productRef} annotate={annotate} stepPartIds={stepPartIds} />
        </Suspense>
        <TwinAvatar poses={tab.poses} refs={avatar} />
        <OrbitControls makeDefault enableDamping={false} enabled={!snapped && tool !== 'ink'} minDistance={0.05} maxDistance={12} />
        <TwinCamera ui={ui} head={avatar.head} productRef={productRef} />
        <TwinPartAnnotator ui={ui} productRef={productRef} annotate={annotate} />
      </LeanCanvas>
      {caption && <p className="twin-caption">{caption}</p>}
      {helping && (
        <p className="twin-tool" data-testid="twin-tool">
          {t('tools.legend')}: {t(`tools.${tool}`)}
        </p>
      )}
    </div>
  );
}
