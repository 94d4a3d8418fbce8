// Studio's 3D views as tests see them: whether the draft's model shows and where to click to land on each of its nodes;
// the guide editor's product view (its camera and the product's placement, for a test to project a part to the page).
import type { StudioTestState } from './test-state-shape.ts';
import { newest } from './exposed.ts';
import { readInlineView } from './read-inline-view.ts';

export function readStudio(): StudioTestState {
  const view = newest('studioView');
  const productView = location.pathname.startsWith('/studio/guides/') ? readInlineView() : null;
  if (!view?.ready) return { ready: false, aims: {}, productView };
  return { ready: true, aims: Object.fromEntries(view.nodeIds().map((id) => [id, view.aimAt(id)])), productView };
}
