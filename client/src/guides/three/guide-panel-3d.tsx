// The step as a panel in the room, beside the target part and turned to the person, readable at arm's length (2 cm
// text); its buttons are pressed with a controller ray, a hand pinch or a tap.
import { useCallback, useMemo, useRef, useState } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { Matrix4, Quaternion, Vector3, type Box3, type Group, type Object3D } from 'three';
import { useTranslation } from 'react-i18next';
import type { PartQuantity } from '../../../../core/guide.ts';
import type { GuideController } from '../guide-controller.ts';
import type { GuideProgressStore } from '../guide-progress-store.ts';
import { parseMeasurement, planNext } from '../guide-view-model.ts';
import { useGuide } from '../use-guide.ts';
import { blockedKey } from '../blocked-key.ts';
import { CanvasPanel } from '../../three/canvas-panel.tsx';
import { panelBlocks, type PartsAdding } from './panel-blocks.ts';
import { useStepImage } from './use-step-image.ts';
import { PX_PER_METRE, type PanelLayout } from '../../three/panel-layout.ts';
import { localBounds } from '../../three/product-parts.ts';

export interface GuidePanel3DProps {
  progress: GuideProgressStore;
  controller: GuideController;
  /** The product root; the panel sits beside `anchor` (the first target part) or the whole product. */
  root: Object3D;
  anchor: Object3D | null;
  /** Told when a pointer (controller ray, hand, touch) is over the panel, so a press there is not a drag. */
  onPointerOver?: (over: boolean) => void;
  /** Puts a step's parts into the cart (the panel then offers it on steps that consume parts). */
  onAddParts?: (parts: readonly PartQuantity[]) => Promise<'saved' | 'queued'>;
}

/** What the panel shows, on its group for tools: the painted layout, the step it shows and the button a pointer is over. */
export interface GuidePanelTag {
  layout: PanelLayout;
  stepId: string | null;
  hovered: string | null;
}

const UP = new Vector3(0, 1, 0);
const centre = new Vector3();
const size = new Vector3();
const eye = new Vector3();
const toViewer = new Vector3();
const side = new Vector3();
const target = new Vector3();
const worldMatrix = new Matrix4();
const parentInverse = new Matrix4();
const lookMatrix = new Matrix4();
const lookQuaternion = new Quaternion();
const unitScale = new Vector3(1, 1, 1);
/** The panel moves beside the part again once the person has moved this far. */
const REPLACE_AFTER_METRES = 0.4;

/** A spot beside the part, on the person's right as they face it, a little toward them and at a readable height. */
function besidePart(subject: Object3D, bounds: Box3, eyePosition: Vector3, width: number, height: number, out: Vector3): Vector3 {
  subject.updateWorldMatrix(true, false);
  bounds.getCenter(centre).applyMatrix4(subject.matrixWorld);
  const radius = Math.min(bounds.getSize(size).length() / 2, 0.6);
  toViewer.subVectors(eyePosition, centre).setY(0);
  if (toViewer.lengthSq() < 1e-6) toViewer.set(0, 0, 1);
  toViewer.normalize();
  side.crossVectors(UP, toViewer).normalize();
  out
    .copy(centre)
    .addScaledVector(side, radius + 0.06 + width / 2)
    .addScaledVector(toViewer, 0.1);
  out.y = Math.min(Math.max(centre.y + 0.2, 0.45 + height / 2), Math.max(eyePosition.y - 0.1, 0.45));
  return out;
}

export function GuidePanel3D({ progress, controller, root, anchor, onPointerOver, onAddParts }: GuidePanel3DProps) {
  const { t } = useTranslation('guide');
  const { state, view, ui, language } = useGuide(progress, controller);
  const camera = useThree((three) => three.camera);
  const group = useRef<Group>(null);
  const layout = useRef<{ painted: PanelLayout; stepId: string | null } | null>(null);
  /** Where the panel stands, in the product's frame: kept while the person stays put, so it does not slide under the ray. */
  const placement = useRef<{ key: string; eye: Vector3; local: Vector3 } | null>(null);
  const tag = useCallback((patch: Partial<GuidePanelTag>) => {
    const panel = group.current;
    if (panel) panel.userData = { ...panel.userData, ...patch };
  }, []);
  const onHover = useCallback((hovered: string | null) => tag({ hovered }), [tag]);
  const subject = anchor ?? root;
  const bounds = useMemo(() => localBounds(subject), [subject]);

  const stepId = view && !view.finished ? view.current.step.id : null;
  const recorded = view && !view.finished ? view.current.measurement : null;
  const draftText = ui.draft?.stepId === stepId ? ui.draft.text : recorded !== null ? String(recorded) : '';
  const [adding, setAdding] = useState<{ stepId: string; state: PartsAdding } | null>(null);
  const parts: PartsAdding | null = onAddParts ? (adding?.stepId === stepId ? adding.state : 'idle') : null;
  const image = useStepImage(view && !view.finished ? (view.current.step.media?.url ?? null) : null);
  const blocks = useMemo(() => {
    if (!view || !state.guide || !state.progress) return null;
    const plan = planNext(state.guide, state.progress, ui.draft?.stepId === stepId ? parseMeasurement(ui.draft.text) : null);
    const blockedText = ui.blocked ? t(`runner.blocked.${blockedKey(ui.blocked)}`) : null;
    return panelBlocks({ view, plan, draftText, blockedText, language, t, image, parts });
  }, [view, state.guide, state.progress, ui.draft, ui.blocked, stepId, draftText, language, t, image, parts]);

  const press = useCallback(
    (id: string) => {
      if (id === 'next') controller.next();
      else if (id === 'back') controller.back();
      else if (id === 'repeat') controller.repeat(language);
      else if (id.startsWith('ack:')) controller.acknowledge(Number(id.slice(4)));
      else if (id.startsWith('answer:')) controller.answer(id.slice(7));
      else if (id === 'key:erase') controller.setDraft(draftText.slice(0, -1));
      else if (id.startsWith('key:')) controller.setDraft(`${draftText}${id.slice(4)}`);
      else if (id === 'parts:add' && onAddParts && view && !view.finished) {
        const forStep = view.current.step.id;
        setAdding({ stepId: forStep, state: 'busy' });
        onAddParts(view.current.step.consumesParts).then(
          (outcome) => setAdding({ stepId: forStep, state: outcome === 'queued' ? 'queued' : 'added' }),
          () => setAdding({ stepId: forStep, state: 'failed' }),
        );
      }
    },
    [controller, language, draftText, onAddParts, view],
  );

  useFrame(() => {
    const panel = group.current;
    const shown = layout.current;
    if (!panel?.parent || !shown) return;
    const { painted } = shown;
    const height = painted.height / PX_PER_METRE;
    camera.getWorldPosition(eye);
    panel.parent.updateWorldMatrix(true, false);
    const placedFor = placement.current;
    const key = `${shown.stepId ?? ''}:${subject.uuid}:${painted.height}`;
    if (!placedFor || placedFor.key !== key || placedFor.eye.distanceTo(eye) > REPLACE_AFTER_METRES) {
      besidePart(subject, bounds, eye, painted.width / PX_PER_METRE, height, target);
      placement.current = { key, eye: eye.clone(), local: panel.parent.worldToLocal(target.clone()) };
    }
    target.copy(placement.current?.local ?? target).applyMatrix4(panel.parent.matrixWorld);
    lookMatrix.lookAt(eye, target, UP);
    lookQuaternion.setFromRotationMatrix(lookMatrix);
    worldMatrix.compose(target, lookQuaternion, unitScale);
    parentInverse.copy(panel.parent.matrixWorld).invert();
    worldMatrix.premultiply(parentInverse).decompose(panel.position, panel.quaternion, panel.scale);
  });

  if (!blocks) return null;
  return (
    <group ref={group} name="guide-panel">
      <CanvasPanel
        blocks={blocks}
        onPress={press}
        onHover={onHover}
        onLayout={(painted) => {
          layout.current = { painted, stepId };
          tag({ layout: painted, stepId });
        }}
        name="guide-panel-surface"
        {...(onPointerOver ? { onPointerOver } : {})}
      />
    </group>
  );
}
