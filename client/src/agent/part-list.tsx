// The product's parts for the agent: frame one in the twin, place the current tool on it, highlight it for the requester.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductDetail } from '../../../core/catalog.ts';
import type { Language } from '../../../core/languages.ts';
import type { RealtimeClient } from '../realtime/realtime-client.ts';
import { useStore } from '../state/use-store.ts';
import type { AgentTab } from './agent-console-store.ts';
import type { TwinUi } from './twin-ui-store.ts';
import { errorText } from '../i18n/error-text.ts';

export function PartList({ client, tab, product, ui }: { client: RealtimeClient; tab: AgentTab; product: ProductDetail; ui: TwinUi }) {
  const { t, i18n } = useTranslation('assist');
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const headingId = useId();
  const highlighted = useStore(tab.session.mirror, (state) => state.session?.highlightedPartId ?? null);
  const active = useStore(tab.session.mirror, (state) => state.session?.help?.status === 'active');
  const tool = useStore(ui, (state) => state.tool);
  const canPlace = active && tool !== 'look' && tool !== 'ink';
  const [error, setError] = useState<string | null>(null);

  const highlight = (partId: string | null) => {
    setError(null);
    client.request('part:highlight', { sessionId: tab.sessionId, partId }).then(
      ({ entry }) => tab.session.mirror.take(entry),
      (failure: unknown) => setError(errorText(failure)),
    );
  };

  return (
    <section className="part-list" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('parts.title')}</h3>
      <ul>
        {product.parts.map((part) => {
          const name = part.name[language];
          const on = highlighted === part.id;
          return (
            <li key={part.id} data-part-id={part.id}>
              <span>{name}</span>
              <span className="part-actions">
                <button type="button" onClick={() => ui.focusPart(part.id)} aria-label={t('parts.showLabel', { name })}>
                  {t('parts.show')}
                </button>
                <button type="button" disabled={!canPlace} onClick={() => ui.annotatePart(part.id)} aria-label={canPlace ? t('parts.annotateLabel', { kind: t(`tools.${tool}`), name }) : undefined}>
                  {t('parts.annotate')}
                </button>
                <button type="button" aria-pressed={on} disabled={!active} onClick={() => highlight(on ? null : part.id)} aria-label={t('parts.highlightLabel', { name })}>
                  {on ? t('parts.unhighlight') : t('parts.highlight')}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      {error && (
        <p role="alert" className="status-error">
          {error}
        </p>
      )}
    </section>
  );
}
