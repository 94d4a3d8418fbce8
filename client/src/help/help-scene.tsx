// The requester's live-help content in the product's frame: the agent's annotations and highlight, and in AR the pose
// stream and placement reports. Render it as ProductModel / ArLauncher children under the page's <SessionProvider>.
import type { Annotation } from '../../../core/annotation.ts';
import { AnnotationLayer } from '../annotations/annotation-layer.tsx';
import type { LiveSession } from '../sessions/live-session.ts';
import { useLiveSession } from '../sessions/session-provider.tsx';
import { useStore } from '../state/use-store.ts';
import { helpOf } from './help-store.ts';
import { PoseStreamer } from './pose-streamer.tsx';
import { PlacementReporter } from './placement-reporter.tsx';

const NONE: Annotation[] = [];

export function HelpScene({ inAr }: { inAr: boolean }) {
  const session = useLiveSession();
  if (!session) return null;
  return <HelpSceneContent session={session} inAr={inAr} />;
}

function HelpSceneContent({ session, inAr }: { session: LiveSession; inAr: boolean }) {
  const { mirror, client } = session;
  const annotations = useStore(mirror, (state) => state.session?.annotations ?? NONE);
  const highlighted = useStore(mirror, (state) => state.session?.highlightedPartId ?? null);
  const pinged = useStore(mirror, (state) => (state.session?.help?.status === 'active' ? (state.lastPing?.partId ?? null) : null));
  return (
    <>
      <AnnotationLayer annotations={annotations} highlightedPartId={highlighted} pingedPartId={pinged} />
      {inAr && (
        <>
          <PoseStreamer client={client} mirror={mirror} />
          <PlacementReporter help={helpOf(session)} />
        </>
      )}
    </>
  );
}
