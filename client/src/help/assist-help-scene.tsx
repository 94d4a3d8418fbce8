// The agent's annotations and the pose stream on the assist page: scene content for its 3D view and AR (help scene slot).
import { useAssistSession } from '../assist/assist-context.ts';
import { HelpProvider } from './help-context.tsx';
import { HelpScene } from './help-scene.tsx';

export function AssistHelpScene() {
  const info = useAssistSession();
  if (!info) return null;
  return (
    <HelpProvider sessionId={info.sessionId}>
      <HelpScene inAr={info.inAr} />
    </HelpProvider>
  );
}
