// The guide in the product's frame: target parts lit and the rest ghosted, the animated hint on the part, and in AR
// the 3D step panel beside it. Render it as a child of ProductModel (inline viewer or AR).
import { useLayoutEffect, useRef, useState } from 'react';
import type { Group, Object3D } from 'three';
import type { PartQuantity } from '../../../../core/guide.ts';
import type { GuideController } from '../guide-controller.ts';
import type { GuideProgressStore } from '../guide-progress-store.ts';
import { useOptionalPlacement } from '../../xr/placement-context.ts';
import { useGuide } from '../use-guide.ts';
import { GuidePanel3D } from './guide-panel-3d.tsx';
import { PartHighlights } from './part-highlights.tsx';
import { OVERLAY_FLAG, partNodes } from '../../three/product-parts.ts';
import { StepHint } from './step-hint.tsx';

export interface GuideSceneProps {
  progress: GuideProgressStore;
  controller: GuideController;
  /** Show the 3D step panel (AR). @default false */
  panel?: boolean;
  /** Lets the 3D step panel put a step's parts into the cart. */
  onAddParts?: (parts: readonly PartQuantity[]) => Promise<'saved' | 'queued'>;
}

export function GuideScene({ progress, controller, panel = false, onAddParts }: GuideSceneProps) {
  const placement = useOptionalPlacement();
  const { view } = useGuide(progress, controller);
  const group = useRef<Group>(null);
  const [root, setRoot] = useState<Object3D | null>(null);
  useLayoutEffect(() => {
    setRoot(group.current?.parent ?? null);
  }, []);

  const step = view && !view.finished ? view.current.step : null;
  const nodes = root ? partNodes(root) : null;
  const firstTarget = step && nodes ? (step.targetPartIds.map((id) => nodes.get(id)).find((node) => node !== undefined) ?? null) : null;

  return (
    <group ref={group} userData={{ [OVERLAY_FLAG]: true }}>
      {root && <PartHighlights root={root} targetPartIds={step?.targetPartIds ?? []} style={step?.highlight ?? 'outline'} />}
      {step?.hint && firstTarget && <StepHint key={step.id} part={firstTarget} hint={step.hint} />}
      {panel && root && <GuidePanel3D progress={progress} controller={controller} root={root} anchor={firstTarget} {...(placement ? { onPointerOver: (over: boolean) => placement.setUiHover(over) } : {})} {...(onAddParts ? { onAddParts } : {})} />}
    </group>
  );
}
