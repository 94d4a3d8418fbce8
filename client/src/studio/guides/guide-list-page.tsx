// A product's guides in Studio (/studio/guides?product=…): pick the product, see each guide's latest published version,
// its draft and how many issues the draft has, start a new guide, open one in the editor.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { ProductListSchema } from '../../../../core/catalog.ts';
import { apiGet } from '../../api/http.ts';
import { guideEditorApi } from '../../api/guide-editor-api.ts';
import { ErrorView, Loading } from '../../components/status-views.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useResource } from '../../components/use-resource.ts';
import { errorText } from '../../i18n/error-text.ts';
import { currentLanguage } from '../../i18n/i18n.ts';

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function NewGuide({ productId }: { productId: string }) {
  const { t } = useTranslation('studio');
  const [, navigate] = useLocation();
  const [id, setId] = useState(`${productId}-`);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!SLUG.test(id)) return setProblem(t('guides.idHint'));
    setBusy(true);
    setProblem(null);
    guideEditorApi.create(productId, id).then(
      () => navigate(`/studio/guides/${encodeURIComponent(id)}`),
      (error: unknown) => {
        setBusy(false);
        setProblem(errorText(error));
      },
    );
  };
  return (
    <form className="studio-form studio-panel" onSubmit={submit} aria-labelledby="guide-new-title" noValidate>
      <h2 id="guide-new-title">{t('guides.newTitle')}</h2>
      <label>
        {t('guides.id')}
        <input value={id} onChange={(event) => setId(event.target.value)} aria-describedby="guide-new-hint" aria-invalid={problem !== null} required />
      </label>
      <p id="guide-new-hint" className="muted">
        {t('guides.idHint')}
      </p>
      {problem && <p role="alert" className="field-issue">{problem}</p>}
      <div className="studio-actions">
        <button type="submit" disabled={busy}>
          {t('guides.create')}
        </button>
      </div>
    </form>
  );
}

function GuideList({ productId }: { productId: string }) {
  const { t } = useTranslation('studio');
  const guides = useResource((signal) => guideEditorApi.list(productId, signal), [productId]);
  if (guides.status === 'loading') return <Loading />;
  if (guides.status === 'error') return <ErrorView error={guides.error} retry={guides.retry} />;
  if (guides.data.length === 0) return <p>{t('guides.none')}</p>;
  const language = currentLanguage();
  return (
    <ul className="studio-drafts" aria-label={t('guides.listLabel')}>
      {guides.data.map((guide) => (
        <li key={guide.id} data-guide-id={guide.id}>
          <Link href={`/studio/guides/${encodeURIComponent(guide.id)}`}>{guide.title?.[language] ?? guide.id}</Link>{' '}
          <span className={`badge badge-${guide.latestVersion ? 'published' : 'draft'}`}>
            {guide.latestVersion ? t('guides.version', { version: guide.latestVersion }) : t('guides.unpublished')}
          </span>{' '}
          {guide.savedDraft && <span className="badge badge-draft">{t('guides.savedDraft', { version: guide.savedDraft.version })}</span>}{' '}
          {guide.draft && (
            <span className="muted">
              {t('guides.draftState', { count: guide.draft.issueCount })} · {formatDateTime(guide.draft.updatedAt, language)}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}

export function GuideListPage() {
  const { t } = useTranslation('studio');
  const [, navigate] = useLocation();
  const productId = new URLSearchParams(useSearch()).get('product') ?? '';
  const products = useResource((signal) => apiGet('/api/products', ProductListSchema, signal).then((body) => body.products), []);
  const language = currentLanguage();
  return (
    <div className="studio guide-studio">
      <p>
        <Link href="/studio">{t('editor.back')}</Link>
      </p>
      <h1>{t('guides.title')}</h1>
      {products.status === 'loading' && <Loading />}
      {products.status === 'error' && <ErrorView error={products.error} retry={products.retry} />}
      {products.status === 'ready' && (
        <div className="studio-form">
          <label htmlFor="guide-product">{t('guides.product')}</label>
          <select id="guide-product" value={productId} onChange={(event) => navigate(`/studio/guides?product=${encodeURIComponent(event.target.value)}`)}>
            <option value="">{t('guides.pickProduct')}</option>
            {products.data.map((product) => (
              <option key={product.id} value={product.id}>
                {product.name[language]}
              </option>
            ))}
          </select>
        </div>
      )}
      {productId && (
        <>
          <section aria-labelledby="guide-list-title">
            <h2 id="guide-list-title">{t('guides.listTitle')}</h2>
            <GuideList productId={productId} />
          </section>
          <NewGuide key={productId} productId={productId} />
        </>
      )}
    </div>
  );
}
