// Studio, the room where admins and authors bring in their own products: the drafts and uploads, or one draft's editor.
import { useTranslation } from 'react-i18next';
import { useAppStores } from '../state/app-stores.ts';
import { useStore } from '../state/use-store.ts';
import { RequireSignIn } from '../components/require-sign-in.tsx';
import { STUDIO_ROLES } from '../../../core/studio.ts';
import { StudioHome } from './studio-home.tsx';
import { DraftEditor } from './draft-editor.tsx';
import './studio.css';

function StudioRoom({ draftId }: { draftId: string | undefined }) {
  const { t } = useTranslation('studio');
  const { auth } = useAppStores();
  const allowed = useStore(auth, (state) => (STUDIO_ROLES as readonly (string | undefined)[]).includes(state.user?.role));
  if (!allowed) return <p role="alert">{t('forbidden')}</p>;
  return draftId ? <DraftEditor key={draftId} draftId={draftId} /> : <StudioHome />;
}

export default function StudioPage({ draftId }: { draftId?: string | undefined }) {
  return (
    <RequireSignIn>
      <StudioRoom draftId={draftId} />
    </RequireSignIn>
  );
}
