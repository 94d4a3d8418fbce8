// The product in 3D beside the guide editor: the chosen step's target parts lit, the rest ghosted, its hint played on
// the first one when the author previews it (the runtime's own StepHint); a click on a part adds it to the step or
// takes it out, and says so.
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group, Object3D } from 'three';
import type { ProductDetail } from '../../../../core/catalog.ts';
import type { StepHint as StepHintData } from '../../../../core/guide.ts';
import { PartHighlights } from '../../guides/three/part-highlights.tsx';
import { StepHint } from '../../guides/three/step-hint.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import ProductViewer from '../../three/product-viewer.tsx';
import { OVERLAY_FLAG, partNodes } from '../../three/product-parts.ts';

function Highlights({ partIds, hint }: { partIds: readonly string[]; hint: StepHintData | null }) {
  const group = useRef<Group>(null);
  const [root, setRoot] = useState<Object3D | null>(null);
  useLayoutEffect(() => setRoot(group.current?.parent ?? null), []);
  const nodes = root && hint ? partNodes(root) : null;
  const first = nodes ? (partIds.map((id) => nodes.get(id)).find((node) => node !== undefined) ?? null) : null;
  return (
    <group ref={group} userData={{ [OVERLAY_FLAG]: true }}>
      {root && <PartHighlights root={root} targetPartIds={partIds} style="outline" />}
      {first && hint && <StepHint part={first} hint={hint} />}
    </group>
  );
}

/** What the last click did, said in the language shown now. */
interface Said {
  partId: string;
  added: boolean;
  number: number;
}

export interface GuideViewerProps {
  product: ProductDetail;
  stepNumber: number;
  partIds: readonly string[];
  /** A hint being previewed on the first of `partIds`. */
  hint: StepHintData | null;
  onToggle: (partId: string) => void;
}

export function GuideViewer({ product, stepNumber, partIds, hint, onToggle }: GuideViewerProps) {
  const { t } = useTranslation('studio');
  const [said, setSaid] = useState<Said | null>(null);
  const language = currentLanguage();
  const toggle = (partId: string) => {
    setSaid({ partId, added: !partIds.includes(partId), number: stepNumber });
    onToggle(partId);
  };
  const saidName = said ? (product.parts.find((part) => part.id === said.partId)?.name[language] ?? said.partId) : '';
  return (
    <div className="studio-stage guide-stage">
      <ProductViewer product={product} color={null} onPartSelect={toggle}>
        <Highlights partIds={partIds} hint={hint} />
      </ProductViewer>
      <p className="muted">{t('guideEditor.parts.clickHint', { number: stepNumber })}</p>
      <p role="status" aria-live="polite" data-testid="guide-part-said">
        {said && t(said.added ? 'guideEditor.parts.added' : 'guideEditor.parts.removed', { name: saidName, number: said.number })}
      </p>
    </div>
  );
}
