// Where to click in the agent's twin view to hit one part: the twin's published camera and placement, the product GLB
// re-posed in Node, and a point on the part that the camera sees first (with its neighbours, so the click is not marginal).
import fs from 'node:fs';
import { PerspectiveCamera, Raycaster, Vector2, Vector3, type Matrix4, type Mesh, type Object3D } from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';

export interface TwinView {
  canvas: { left: number; top: number; width: number; height: number };
  cameraMatrixWorld: number[];
  projectionMatrix: number[];
  productMatrixWorld: number[];
}

export interface TwinAim {
  /** Page pixel to click. */
  x: number;
  y: number;
  /** The point the click hits, in the part's local frame. */
  localPoint: Vector3;
}

export async function loadProductScene(glb: string | Buffer): Promise<Object3D> {
  const file = typeof glb === 'string' ? fs.readFileSync(glb) : glb;
  const loader = new GLTFLoader();
  loader.setMeshoptDecoder(MeshoptDecoder);
  const gltf = await loader.parseAsync(file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer, '');
  return gltf.scene;
}

function partIdOf(object: Object3D | null): string | null {
  for (let node = object; node; node = node.parent) {
    const id = (node.userData as { partId?: unknown }).partId;
    if (typeof id === 'string') return id;
  }
  return null;
}

/** A part node's matrix in the product's model frame (what the app multiplies by the placement). */
export function partMatrixInModel(scene: Object3D, partId: string): Matrix4 {
  scene.matrix.identity();
  scene.matrixAutoUpdate = false;
  scene.updateMatrixWorld(true);
  const part = scene.getObjectByName(partId);
  if (!part) throw new Error(`no part node "${partId}"`);
  return part.matrixWorld.clone();
}

export function aimInTwin(scene: Object3D, partId: string, twin: TwinView): TwinAim {
  scene.matrixAutoUpdate = false;
  scene.matrix.fromArray(twin.productMatrixWorld);
  scene.updateMatrixWorld(true);
  const part = scene.getObjectByName(partId);
  if (!part) throw new Error(`no part node "${partId}"`);
  const camera = new PerspectiveCamera();
  camera.matrixAutoUpdate = false;
  camera.matrixWorld.fromArray(twin.cameraMatrixWorld);
  camera.matrixWorldInverse.copy(camera.matrixWorld).invert();
  camera.projectionMatrix.fromArray(twin.projectionMatrix);
  camera.projectionMatrixInverse.copy(camera.projectionMatrix).invert();
  const raycaster = new Raycaster();
  const { left, top, width, height } = twin.canvas;
  const toNdc = (x: number, y: number) => new Vector2(((x - left) / width) * 2 - 1, -((y - top) / height) * 2 + 1);
  const hitAt = (x: number, y: number) => {
    raycaster.setFromCamera(toNdc(x, y), camera);
    const hit = raycaster.intersectObject(scene, true)[0];
    return hit && partIdOf(hit.object) === partId ? hit : null;
  };

  let best: { aim: TwinAim; score: number } | null = null;
  const FULL_SCORE = 4;
  part.traverse((object) => {
    const mesh = object as Mesh;
    if (!mesh.isMesh || (best && best.score === FULL_SCORE)) return;
    const position = mesh.geometry.getAttribute('position');
    const index = mesh.geometry.getIndex();
    const triangles = (index ? index.count : position.count) / 3;
    const corner = (i: number) => new Vector3().fromBufferAttribute(position, index ? index.getX(i) : i);
    // The first point with every neighbour on the part is kept anyway (only a higher score replaces it): stop there.
    for (let t = 0; t < triangles && !(best && best.score === FULL_SCORE); t += 1) {
      const centroid = corner(t * 3).add(corner(t * 3 + 1)).add(corner(t * 3 + 2)).divideScalar(3).applyMatrix4(mesh.matrixWorld);
      const ndc = centroid.clone().project(camera);
      if (Math.abs(ndc.x) > 0.9 || Math.abs(ndc.y) > 0.9 || ndc.z > 1) continue;
      const x = left + ((ndc.x + 1) / 2) * width;
      const y = top + ((1 - ndc.y) / 2) * height;
      const hit = hitAt(x, y);
      if (!hit) continue;
      const score = [-3, 3].flatMap((d) => [hitAt(x + d, y), hitAt(x, y + d)]).filter(Boolean).length;
      if (!best || score > best.score) {
        const localPoint = part.worldToLocal(hit.point.clone());
        best = { aim: { x, y, localPoint }, score };
      }
    }
  });
  if (!best) throw new Error(`the twin camera does not see "${partId}"`);
  return (best as { aim: TwinAim }).aim;
}
