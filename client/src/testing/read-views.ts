// The AR view and the inline 3D view as tests see them: the XR session, reticle and placed product of the AR canvas,
// and the model, frames, draw calls and camera of the inline canvas.
import type { Mesh } from 'three';
import type { ArTestState, ViewerTestState } from './test-state-shape.ts';
import { canvasOf, newest } from './exposed.ts';
import { findObject, matrixWorld, shownInWorld, worldPose, worldSize } from './scene-reading.ts';
import { readHud } from './read-hud.ts';
import { readInlineView } from './read-inline-view.ts';

const NO_AR: ArTestState = {
  sessionActive: false,
  mode: null,
  enabledFeatures: [],
  frames: 0,
  reticleVisible: false,
  reticleSurface: null,
  reticlePosition: null,
  placed: false,
  anchored: false,
  surface: null,
  productMatrixWorld: null,
  productWorldScale: null,
  productWorldSize: null,
  error: null,
  domOverlay: null,
  drawCalls: 0,
  hud: null,
};

export function readAr(): ArTestState {
  const canvas = canvasOf('ar');
  const xr = newest('arSession');
  const placement = newest('placement');
  if (!canvas || !xr || !placement) return NO_AR;
  const { session, mode } = xr.getState();
  const state = placement.getState();
  const reticle = canvas.scene.getObjectByName('reticle') as Mesh | undefined;
  const product = canvas.scene.getObjectByName('placed-product');
  const placed = state.phase === 'placed' && product !== undefined && shownInWorld(product);
  const reticleVisible = reticle?.visible ?? false;
  const at = reticle?.matrix.elements;
  return {
    sessionActive: session !== null,
    mode: session ? mode : null,
    enabledFeatures: [...(session?.enabledFeatures ?? [])],
    frames: canvas.gl.info.render.frame,
    reticleVisible,
    reticleSurface: reticleVisible ? state.surface : null,
    reticlePosition: reticleVisible && at ? [at[12] ?? 0, at[13] ?? 0, at[14] ?? 0] : null,
    placed,
    anchored: placed && state.anchor !== null,
    surface: state.surface,
    productMatrixWorld: placed ? matrixWorld(product) : null,
    productWorldScale: placed ? worldPose(product).scale : null,
    productWorldSize: placed ? worldSize(product) : null,
    error: state.error,
    domOverlay: session?.domOverlayState?.type ?? null,
    drawCalls: canvas.gl.info.render.calls,
    hud: readHud(canvas.scene, canvas.gl.xr.isPresenting ? (canvas.gl.xr.getCamera().cameras[0] ?? null) : null),
  };
}

export function readViewer(): ViewerTestState {
  const canvas = canvasOf('inline');
  if (!canvas) return { productId: null, modelLoaded: false, frames: 0, drawCalls: 0, triangles: 0, modelSize: null, view: null };
  const model = findObject(canvas.scene, (object) => object.name.startsWith('product:'));
  const { frame, calls, triangles } = canvas.gl.info.render;
  return { productId: model ? model.name.slice('product:'.length) : null, modelLoaded: model !== null, frames: frame, drawCalls: calls, triangles, modelSize: model ? worldSize(model) : null, view: readInlineView() };
}
