// The inline 3D view's camera and the product's placement as tests see them, so a test can project a part to the page.
import type { InlineViewTestState } from './test-state-shape.ts';
import { canvasOf } from './exposed.ts';
import { findObject, matrixWorld } from './scene-reading.ts';

export function readInlineView(): InlineViewTestState | null {
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
