// Studio's 3D view as tests see it: whether the draft's model shows, and where to click to land on each of its nodes.
import type { StudioTestState } from './test-state-shape.ts';
import { newest } from './exposed.ts';

export function readStudio(): StudioTestState {
  const view = newest('studioView');
  if (!view?.ready) return { ready: false, aims: {} };
  return { ready: true, aims: Object.fromEntries(view.nodeIds().map((id) => [id, view.aimAt(id)])) };
}
