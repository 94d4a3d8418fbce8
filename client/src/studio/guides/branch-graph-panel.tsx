// The branch graph's panel in the guide editor: closed until the author opens it, so the graph library is fetched only
// then; what a drag changed is said aloud. The keyboard way to the same edits is each step's "Where this step leads".
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BranchGraphProps } from './branch-graph.tsx';

const BranchGraph = lazy(() => import('./branch-graph.tsx'));

export function BranchGraphPanel(props: Omit<BranchGraphProps, 'onSay'>) {
  const { t } = useTranslation('studio');
  const [open, setOpen] = useState(false);
  const [said, setSaid] = useState('');
  return (
    <section className="studio-panel guide-graph-panel" aria-labelledby="guide-graph-title">
      <h2 id="guide-graph-title">{t('guideEditor.graph.title')}</h2>
      <button type="button" aria-expanded={open} aria-controls="guide-graph" onClick={() => setOpen(!open)}>
        {open ? t('guideEditor.graph.hide') : t('guideEditor.graph.show')}
      </button>
      <div id="guide-graph" hidden={!open}>
        {open && (
          <>
            <p className="muted" id="guide-graph-help">
              {t('guideEditor.graph.label')}
            </p>
            <div className="guide-graph" role="group" aria-describedby="guide-graph-help" aria-label={t('guideEditor.graph.title')} data-testid="guide-graph">
              <Suspense fallback={<p>{t('guideEditor.graph.loading')}</p>}>
                <BranchGraph {...props} onSay={setSaid} />
              </Suspense>
            </div>
          </>
        )}
      </div>
      <p role="status" aria-live="polite" data-testid="guide-graph-said">
        {said}
      </p>
    </section>
  );
}
