// Studio's 3D views as tests see them: whether the draft's model shows and where to click to land on each of its nodes;
// the guide editor's product view (its camera and the product's placement, for a test to project a part to the page).
import type { StudioTestState } from './test-state-shape.ts';
import { canvasOf, newest } from './exposed.ts';
import { findObject, matrixWorld } from './scene-reading.ts';

function readProductView(): StudioTestState['productView'] {
  if (!location.pathname.startsWith('/studio/guides/')) return null;
  const canvas = canvasOf('inline');
  const product = canvas ? findObject(canvas.scene, (object) => object.name.startsWith('product:')) : null;
  if (!canvas || !product || product.children.length === 0) return null;
  const { camera, gl } = canvas;
  const rect = gl.domElement.getBoundingClientRect();
  camera.updateMatrixWorld();
  return {
    productId: product.name.slice('product:'.length),
    frames: gl.info.render.frame,
    canvas: { left: rect.left, top: rect.top, width: rect.width, height: rect.height },
    cameraMatrixWorld: [...camera.matrixWorld.elements],
    projectionMatrix: [...camera.projectionMatrix.elements],
    productMatrixWorld: matrixWorld(product),
  };
}

export function readStudio(): StudioTestState {
  const view = newest('studioView');
  const productView = readProductView();
  if (!view?.ready) return { ready: false, aims: {}, productView };
  return { ready: true, aims: Object.fromEntries(view.nodeIds().map((id) => [id, view.aimAt(id)])), productView };
}
