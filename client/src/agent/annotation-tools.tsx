// The agent's annotation tools beside the twin: what a click does, the pin's text, Fit and the requester's view, and
// the list of annotations with Remove.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Annotation } from '../../../core/annotation.ts';
import type { Language } from '../../../core/languages.ts';
import type { ProductDetail } from '../../../core/catalog.ts';
import type { RealtimeClient } from '../realtime/realtime-client.ts';
import { useStore } from '../state/use-store.ts';
import type { AgentTab } from './agent-console-store.ts';
import type { TwinTool, TwinUi } from './twin-ui-store.ts';
import { errorText } from '../i18n/error-text.ts';

const TOOLS: TwinTool[] = ['arrow', 'circle', 'pin', 'ink', 'look'];
const NONE: Annotation[] = [];

export function AnnotationTools({ client, tab, ui, product }: { client: RealtimeClient; tab: AgentTab; ui: TwinUi; product: ProductDetail }) {
  const { t, i18n } = useTranslation('assist');
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const pinTextId = useId();
  const { tool, pinText, snapped, error } = useStore(ui, (state) => state);
  const annotations = useStore(tab.session.mirror, (state) => state.session?.annotations ?? NONE);
  const streaming = useStore(tab.session.mirror, (state) => state.session?.help?.status === 'active');
  const partName = (partId: string) => product.parts.find((part) => part.id === partId)?.name[language] ?? partId;

  const remove = (annotation: Annotation) => {
    ui.setState({ error: null });
    client.request('annotation:remove', { sessionId: tab.sessionId, annotationId: annotation.id }).then(
      ({ entry }) => tab.session.mirror.take(entry),
      (failure: unknown) => ui.setState({ error: errorText(failure) }),
    );
  };

  return (
    <div className="annotation-tools">
      <fieldset className="tool-choice">
        <legend>{t('tools.legend')}</legend>
        {TOOLS.map((candidate) => (
          <label key={candidate}>
            <input type="radio" name={`tool-${tab.sessionId}`} value={candidate} checked={tool === candidate} onChange={() => ui.setState({ tool: candidate })} />
            {t(`tools.${candidate}`)}
          </label>
        ))}
      </fieldset>
      {tool === 'pin' && (
        <p>
          <label htmlFor={pinTextId}>{t('tools.pinText')}</label>{' '}
          <input id={pinTextId} value={pinText} maxLength={280} onChange={(event) => ui.setState({ pinText: event.target.value })} />
        </p>
      )}
      <p className="hint" aria-live="polite">
        {tool === 'look' || !streaming ? t('tools.lookHint') : tool === 'ink' ? t('tools.inkHint') : t('tools.clickHint')}
      </p>
      <div className="view-mode">
        <button type="button" onClick={() => ui.fitView()} aria-keyshortcuts="F">
          {t('twin.fit')} <kbd>F</kbd>
        </button>
        <button type="button" aria-pressed={snapped} disabled={!streaming && !snapped} onClick={() => ui.setState({ snapped: !snapped })} aria-keyshortcuts="V">
          {t('twin.snap')} <kbd>V</kbd>
        </button>
      </div>
      {error && (
        <p role="alert" className="status-error">
          {error === 'not-visible' ? t('tools.notVisible') : t('tools.failed', { message: error })}
        </p>
      )}
      <h4>{t('tools.placed', { count: annotations.length })}</h4>
      <ul className="annotation-list">
        {annotations.map((annotation) => (
          <li key={annotation.id}>
            {t(`tools.${annotation.kind}`)} — {partName(annotation.partId)}
            {annotation.text ? ` “${annotation.text}”` : ''}{' '}
            <button type="button" className="link" onClick={() => remove(annotation)} aria-label={t('tools.removeLabel', { kind: t(`tools.${annotation.kind}`), part: partName(annotation.partId) })}>
              {t('tools.remove')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
