// The product in the twin, where the requester placed it, with the session's annotations; clicks (or ink strokes) on
// a part pin a new annotation to that part.
import { useRef, type RefObject } from 'react';
import type { ThreeEvent } from '@react-three/fiber';
import type { Group } from 'three';
import type { Annotation } from '../../../core/annotation.ts';
import type { ProductDetail } from '../../../core/catalog.ts';
import { AnnotationLayer } from '../annotations/annotation-layer.tsx';
import { ProductModel } from '../three/product-model.tsx';
import { findPartNode } from '../three/product-gltf.ts';
import { useStore } from '../state/use-store.ts';
import type { AgentTab } from './agent-console-store.ts';
import { partHit, toPartFrame } from './surface-hit.ts';
import { inkPreview, type TwinUi } from './twin-ui-store.ts';
import type { AnnotationDraftInput } from './use-annotate.ts';

const NONE: Annotation[] = [];
/** A press that moved further than this (pixels) was an orbit drag, not a click. */
const CLICK_SLOP_PX = 5;
const INK_STEP_METRES = 0.004;
const MAX_INK_POINTS = 512;

export interface TwinProductProps {
  tab: AgentTab;
  product: ProductDetail;
  ui: TwinUi;
  productRef: RefObject<Group | null>;
  annotate: (draft: AnnotationDraftInput) => void;
  stepPartIds: readonly string[];
}

export function TwinProduct({ tab, product, ui, productRef, annotate, stepPartIds }: TwinProductProps) {
  const placement = useStore(tab.session.mirror, (state) => state.session?.placement ?? null);
  const annotations = useStore(tab.session.mirror, (state) => state.session?.annotations ?? NONE);
  const highlighted = useStore(tab.session.mirror, (state) => state.session?.highlightedPartId ?? null);
  const pinged = useStore(tab.session.mirror, (state) => state.lastPing?.partId ?? null);
  const helping = useStore(tab.session.mirror, (state) => state.session?.help?.status === 'active');
  const ink = useStore(ui, (state) => state.ink);
  const drawing = useRef(false);
  const preview = ink ? inkPreview(ink, tab.sessionId) : null;

  const onClick = (event: ThreeEvent<MouseEvent>) => {
    const { tool, pinText } = ui.getState();
    if (!helping || tool === 'look' || tool === 'ink' || event.delta > CLICK_SLOP_PX || !productRef.current) return;
    const hit = partHit(event, productRef.current);
    if (!hit) return;
    event.stopPropagation();
    const text = pinText.trim();
    annotate({ partId: hit.partId, localPoint: hit.localPoint, localNormal: hit.localNormal, kind: tool, ...(tool === 'pin' && text ? { text } : {}) });
  };

  const onPointerDown = (event: ThreeEvent<PointerEvent>) => {
    if (!helping || ui.getState().tool !== 'ink' || !productRef.current) return;
    const hit = partHit(event, productRef.current);
    if (!hit) return;
    event.stopPropagation();
    drawing.current = true;
    ui.setState({ ink: { partId: hit.partId, localNormal: hit.localNormal, points: [hit.localPoint] } });
  };

  const onPointerMove = (event: ThreeEvent<PointerEvent>) => {
    const draft = ui.getState().ink;
    if (!drawing.current || !draft || !productRef.current) return;
    const part = findPartNode(productRef.current, draft.partId);
    const last = draft.points[draft.points.length - 1];
    if (!part || !last || draft.points.length >= MAX_INK_POINTS) return;
    const point = toPartFrame(part, event.point);
    if (Math.hypot(point[0] - last[0], point[1] - last[1], point[2] - last[2]) < INK_STEP_METRES) return;
    ui.setState({ ink: { ...draft, points: [...draft.points, point] } });
  };

  const finishInk = () => {
    const draft = ui.getState().ink;
    drawing.current = false;
    ui.setState({ ink: null });
    const first = draft?.points[0];
    if (draft && first && draft.points.length >= 2) annotate({ partId: draft.partId, localPoint: first, localNormal: draft.localNormal, kind: 'ink', inkPoints: draft.points });
  };

  return (
    <group ref={productRef} position={placement?.position ?? [0, 0, 0]} quaternion={placement?.quaternion ?? [0, 0, 0, 1]} name="twin-product">
      <group onClick={onClick} onPointerDown={onPointerDown} onPointerMove={onPointerMove} onPointerUp={finishInk} onPointerLeave={() => drawing.current && finishInk()}>
        <ProductModel product={product} color={product.variants[0]?.color ?? null}>
          <AnnotationLayer annotations={preview ? [...annotations, preview] : annotations} highlightedPartId={highlighted} pingedPartId={pinged} stepPartIds={stepPartIds} />
        </ProductModel>
      </group>
    </group>
  );
}
