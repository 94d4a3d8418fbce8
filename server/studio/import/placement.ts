// Puts an imported model under one root node that turns it Y up and stands it on the floor, centred, at the origin.
import type { Document, Node, vec4 } from '@gltf-transform/core';
import { getBounds } from '@gltf-transform/functions';
import { ImportError } from './refusal.ts';

/** −90° about X: CAD's Z up becomes glTF's Y up (x, y, z) → (x, z, −y). */
const Z_UP_TO_Y_UP: vec4 = [-Math.SQRT1_2, 0, 0, Math.SQRT1_2];

/**
 * Moves every top-level node of the default scene under a new root named `name` (other scenes are dropped). The root's
 * rotation makes the model Y up; its translation puts the bottom on y = 0 and the footprint's centre on the origin.
 */
export function placeModel(document: Document, name: string, upAxis: 'y' | 'z'): Node {
  const root = document.getRoot();
  const scene = root.getDefaultScene() ?? root.listScenes()[0];
  if (!scene) throw new ImportError('no-geometry', 'The model has no scene to show.', {});
  for (const other of root.listScenes()) if (other !== scene) other.dispose();
  root.setDefaultScene(scene);
  const model = document.createNode(name);
  for (const child of scene.listChildren()) {
    scene.removeChild(child);
    model.addChild(child);
  }
  scene.addChild(model);
  if (upAxis === 'z') model.setRotation(Z_UP_TO_Y_UP);
  const { min, max } = getBounds(model);
  if (![...min, ...max].every(Number.isFinite)) throw new ImportError('no-geometry', 'The model holds no geometry to show.', {});
  model.setTranslation([-(min[0] + max[0]) / 2, -min[1], -(min[2] + max[2]) / 2]);
  return model;
}
