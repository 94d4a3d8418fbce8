// One guide in Studio's editor: its fields, its steps and the chosen step's form beside the product in 3D (parts picked
// by click), its branches as a graph, autosave with its status, every issue beside its field and in a summary,
// publishing and versions.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { ProductDetailSchema } from '../../../../core/catalog.ts';
import { apiGet } from '../../api/http.ts';
import { ErrorView, Loading } from '../../components/status-views.tsx';
import { useResource } from '../../components/use-resource.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { useStore } from '../../state/use-store.ts';
import { createGuideDraftStore, type GuideDraftStore } from './guide-draft-store.ts';
import { BranchGraphPanel } from './branch-graph-panel.tsx';
import { GuideMetaForm } from './guide-meta-form.tsx';
import { GuideViewer } from './guide-viewer.tsx';
import { useHintPreview } from './hint-preview.ts';
import { useStepChoices } from './question-form.tsx';
import { fieldDomId, localized, partIdsOf, stepId, stepsOf, togglePart } from './guide-work.ts';
import { IssueSummary } from './issue-summary.tsx';
import { PublishPanel } from './publish-panel.tsx';
import { SaveProblem, SaveStatus } from './save-status.tsx';
import { StepForm } from './step-form.tsx';
import { StepList } from './step-list.tsx';
import { StepPreview } from './step-preview.tsx';
import { VersionsPanel } from './versions-panel.tsx';
import './guide-editor.css';

/** Which step is open, and a field to focus once it shows (a summary issue names it). */
function useFocusedField(stepCount: number) {
  const [selected, setSelected] = useState(0);
  const [focus, setFocus] = useState<string | null>(null);
  useEffect(() => {
    if (!focus) return;
    document.getElementById(fieldDomId(focus))?.focus();
    setFocus(null);
  }, [focus]);
  const open = (path: string) => {
    const step = /^steps\.(\d+)\./.exec(path);
    if (step) setSelected(Number(step[1]));
    setFocus(path);
  };
  return { selected: Math.min(selected, Math.max(0, stepCount - 1)), setSelected, open };
}

function Editor({ store, guideId }: { store: GuideDraftStore; guideId: string }) {
  const { t } = useTranslation('studio');
  const guide = useStore(store, (state) => state.guide);
  const draft = useStore(store, (state) => state.draft);
  const issues = useStore(store, (state) => state.issues);
  const published = useStore(store, (state) => state.published);
  const productId = draft?.productId ?? '';
  const product = useResource((signal) => apiGet(`/api/products/${encodeURIComponent(productId)}`, ProductDetailSchema, signal), [productId]);
  const steps = guide ? stepsOf(guide) : [];
  const focus = useFocusedField(steps.length);
  const choices = useStepChoices(steps);
  const preview = useHintPreview();
  const productParts = product.status === 'ready' ? product.data.parts : null;
  useEffect(() => {
    if (productParts) store.knowParts(new Set(productParts.map((part) => part.id)));
  }, [store, productParts]);
  if (!guide || !draft) return null;
  const language = currentLanguage();
  const change = store.change;
  const index = focus.selected;
  const step = steps[index];
  const title = localized(guide.title)[language] || guideId;
  const parts = product.status === 'ready' ? product.data.parts.map((part) => ({ id: part.id, name: part.name })) : [];

  return (
    <div className="studio studio-editor guide-editor">
      <p>
        <Link href={`/studio/guides?product=${encodeURIComponent(productId)}`}>{t('guideEditor.back')}</Link>
      </p>
      <h1>{t('guideEditor.heading', { title })}</h1>
      <SaveStatus store={store} />
      <SaveProblem store={store} />
      <div className="studio-layout">
        {product.status === 'ready' && (
          <GuideViewer product={product.data} stepNumber={index + 1} partIds={step ? partIdsOf(step) : []} hint={preview.playing?.step === index ? preview.playing.hint : null} onToggle={(partId) => change((current) => togglePart(current, index, partId))} />
        )}
        {product.status === 'loading' && <Loading />}
        {product.status === 'error' && <ErrorView error={product.error} retry={product.retry} />}
        <div className="studio-panels">
          <IssueSummary guide={guide} issues={issues} onFocus={focus.open} />
          <GuideMetaForm guide={guide} issues={issues} change={change} />
          <StepList guide={guide} issues={issues} selected={index} onSelect={focus.setSelected} change={change} />
          <BranchGraphPanel guide={guide} choices={choices} selected={index} onSelect={focus.setSelected} change={change} />
          {step && <StepForm key={index} step={step} index={index} stepIds={steps.map(stepId)} issues={issues.filter((issue) => issue.path.startsWith(`steps.${index}.`))} parts={parts} choices={choices} preview={preview} change={change} />}
          <StepPreview store={store} guideId={guideId} stepIndex={index} />
          <PublishPanel store={store} />
          <VersionsPanel guideId={guideId} published={published} />
        </div>
      </div>
    </div>
  );
}

export function GuideEditor({ guideId }: { guideId: string }) {
  const store = useMemo(() => createGuideDraftStore(guideId), [guideId]);
  useEffect(() => {
    void store.load();
    return () => store.destroy();
  }, [store]);
  const loadError = useStore(store, (state) => state.loadError);
  const loaded = useStore(store, (state) => state.guide !== null);
  if (loadError) return <ErrorView error={loadError} retry={() => void store.load()} />;
  if (!loaded) return <Loading />;
  return <Editor store={store} guideId={guideId} />;
}
