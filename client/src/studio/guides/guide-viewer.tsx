// The product in 3D beside the guide editor: the chosen step's target parts lit, the rest ghosted; a click on a part
// adds it to the step or takes it out, and says so.
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Group, Object3D } from 'three';
import type { ProductDetail } from '../../../../core/catalog.ts';
import { PartHighlights } from '../../guides/three/part-highlights.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import ProductViewer from '../../three/product-viewer.tsx';
import { OVERLAY_FLAG } from '../../three/product-parts.ts';

function Highlights({ partIds }: { partIds: readonly string[] }) {
  const group = useRef<Group>(null);
  const [root, setRoot] = useState<Object3D | null>(null);
  useLayoutEffect(() => setRoot(group.current?.parent ?? null), []);
  return <group ref={group} userData={{ [OVERLAY_FLAG]: true }}>{root && <PartHighlights root={root} targetPartIds={partIds} style="outline" />}</group>;
}

export interface GuideViewerProps {
  product: ProductDetail;
  stepNumber: number;
  partIds: readonly string[];
  onToggle: (partId: string) => void;
}

export function GuideViewer({ product, stepNumber, partIds, onToggle }: GuideViewerProps) {
  const { t } = useTranslation('studio');
  const [said, setSaid] = useState('');
  const language = currentLanguage();
  const toggle = (partId: string) => {
    const name = product.parts.find((part) => part.id === partId)?.name[language] ?? partId;
    setSaid(t(partIds.includes(partId) ? 'guideEditor.parts.removed' : 'guideEditor.parts.added', { name, number: stepNumber }));
    onToggle(partId);
  };
  return (
    <div className="studio-stage guide-stage">
      <ProductViewer product={product} color={null} onPartSelect={toggle}>
        <Highlights partIds={partIds} />
      </ProductViewer>
      <p className="muted">{t('guideEditor.parts.clickHint', { number: stepNumber })}</p>
      <p role="status" aria-live="polite" data-testid="guide-part-said">
        {said}
      </p>
    </div>
  );
}
