// What every 3D view exposes for inspection while it is mounted: which view it draws, and its renderer, scene and camera.
import type { Camera, Scene, WebGLRenderer } from 'three';

/** Which 3D view a canvas draws: the inline product view, immersive AR, the agent's twin of the requester's scene, or Studio's draft view. */
export type CanvasView = 'inline' | 'ar' | 'twin' | 'studio';

/** The parts of a view that tests read: the same for a react-three-fiber canvas and the plain three.js product stage. */
export interface CanvasState {
  gl: WebGLRenderer;
  scene: Scene;
  camera: Camera;
}

export interface ObservedCanvas {
  view: CanvasView;
  /** The view's renderer, scene and camera now. */
  state: () => CanvasState;
}

declare module '../observe/registry.ts' {
  interface Observables {
    canvas: ObservedCanvas;
  }
}
