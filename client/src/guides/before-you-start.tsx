// A guide's tools and parts, to gather before the first step; the parts can be ordered from here.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductDetail } from '../../../core/catalog.ts';
import type { Guide, PartQuantity } from '../../../core/guide.ts';
import type { Language } from '../../../core/languages.ts';
import { GuideText } from './guide-text.tsx';

export interface BeforeYouStartProps {
  guide: Guide;
  product: ProductDetail;
  language: Language;
  renderParts?: (parts: readonly PartQuantity[]) => ReactNode;
}

export function BeforeYouStart({ guide, product, language, renderParts }: BeforeYouStartProps) {
  const { t } = useTranslation('guide');
  if (guide.requiredTools.length === 0 && guide.requiredParts.length === 0) return null;
  return (
    <details className="guide-before">
      <summary>{t('runner.beforeYouStart')}</summary>
      {guide.requiredTools.length > 0 && (
        <>
          <h3>{t('runner.tools')}</h3>
          <ul>
            {guide.requiredTools.map((tool, index) => (
              <li key={index}>
                <GuideText text={tool[language]} />
              </li>
            ))}
          </ul>
        </>
      )}
      {guide.requiredParts.length > 0 && (
        <>
          <h3>{t('runner.parts')}</h3>
          <ul>
            {guide.requiredParts.map((part) => (
              <li key={part.partId}>
                {product.parts.find((candidate) => candidate.id === part.partId)?.name[language] ?? part.partId} × {part.quantity}
              </li>
            ))}
          </ul>
          {renderParts?.(guide.requiredParts)}
        </>
      )}
    </details>
  );
}
