// The requester's live-help content in the product's frame: the agent's annotations and highlight, and in AR the pose
// stream and placement reports. Render it as ProductModel / ArLauncher children inside a <HelpProvider>.
import type { Annotation } from '../../../core/annotation.ts';
import { AnnotationLayer } from '../annotations/annotation-layer.tsx';
import { useStore } from '../state/use-store.ts';
import { useHelpBundle } from './help-context.tsx';
import { PoseStreamer } from './pose-streamer.tsx';
import { PlacementReporter } from './placement-reporter.tsx';

const NONE: Annotation[] = [];

export function HelpScene({ inAr }: { inAr: boolean }) {
  const bundle = useHelpBundle();
  if (!bundle) return null;
  return <HelpSceneContent bundle={bundle} inAr={inAr} />;
}

function HelpSceneContent({ bundle, inAr }: { bundle: NonNullable<ReturnType<typeof useHelpBundle>>; inAr: boolean }) {
  const { mirror, client, help, sessionId } = bundle;
  const annotations = useStore(mirror, (state) => state.session?.annotations ?? NONE);
  const highlighted = useStore(mirror, (state) => state.session?.highlightedPartId ?? null);
  const pinged = useStore(mirror, (state) => (state.session?.help?.status === 'active' ? (state.lastPing?.partId ?? null) : null));
  return (
    <>
      <AnnotationLayer annotations={annotations} highlightedPartId={highlighted} pingedPartId={pinged} view={inAr ? 'ar' : 'inline'} />
      {inAr && (
        <>
          <PoseStreamer client={client} mirror={mirror} />
          <PlacementReporter help={help} sessionId={sessionId} />
        </>
      )}
    </>
  );
}
