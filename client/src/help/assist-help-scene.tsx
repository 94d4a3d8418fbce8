// The agent's annotations and the pose stream on the assist page: scene content for its 3D view and AR (help scene slot).
import { useSessionScreen } from '../sessions/session-screen.ts';
import { HelpScene } from './help-scene.tsx';

export function AssistHelpScene() {
  const screen = useSessionScreen();
  return screen ? <HelpScene inAr={screen.inAr} /> : null;
}
