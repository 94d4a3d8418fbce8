// Studio, the room where admins and authors bring in their own products (the drafts and uploads, or one draft's editor)
// and write guides for them (a product's guides, or one guide's editor).
import { useTranslation } from 'react-i18next';
import { useAppStores } from '../state/app-stores.ts';
import { useStore } from '../state/use-store.ts';
import { RequireSignIn } from '../components/require-sign-in.tsx';
import { STUDIO_ROLES } from '../../../core/studio.ts';
import { StudioHome } from './studio-home.tsx';
import { DraftEditor } from './draft-editor.tsx';
import { GuideListPage } from './guides/guide-list-page.tsx';
import { GuideEditor } from './guides/guide-editor.tsx';
import { GuidePreviewPage } from './guides/preview/guide-preview-page.tsx';
import './studio.css';

/** Which of Studio's screens: home, one product draft, a product's guides, one guide, or its draft's preview. */
export type StudioView = { draftId?: string | undefined; guideId?: string | undefined; guides?: boolean; preview?: boolean };

function StudioRoom({ draftId, guideId, guides, preview }: StudioView) {
  const { t } = useTranslation('studio');
  const { auth } = useAppStores();
  const allowed = useStore(auth, (state) => (STUDIO_ROLES as readonly (string | undefined)[]).includes(state.user?.role));
  if (!allowed) return <p role="alert">{t('forbidden')}</p>;
  if (guideId && preview) return <GuidePreviewPage key={guideId} guideId={guideId} />;
  if (guideId) return <GuideEditor key={guideId} guideId={guideId} />;
  if (guides) return <GuideListPage />;
  return draftId ? <DraftEditor key={draftId} draftId={draftId} /> : <StudioHome />;
}

export default function StudioPage(view: StudioView) {
  return (
    <RequireSignIn>
      <StudioRoom {...view} />
    </RequireSignIn>
  );
}
