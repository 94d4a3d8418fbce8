// The product page's inline 3D view in plain three.js (no react-three-fiber on the way to the first frame): the same
// renderer settings, lights, model, blob shadow, orbit controls and part picking as the R3F ProductViewer; the orbit
// controls load once the first frame is drawn.
import {
  ACESFilmicToneMapping,
  Color,
  DirectionalLight,
  Group,
  HemisphereLight,
  Mesh,
  MeshBasicMaterial,
  PerspectiveCamera,
  PlaneGeometry,
  Raycaster,
  Scene,
  SRGBColorSpace,
  Vector2,
  WebGLRenderer,
  type Object3D,
} from 'three';
import type { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import type { ProductDetail } from '../../../core/catalog.ts';
import { expose } from '../observe/registry.ts';
import { createShadowTexture } from './blob-shadow-texture.ts';
import type { ObservedCanvas } from './observed-canvas.ts';
import { partIdOf } from './part-picking.ts';
import { loadProductGltf } from './product-gltf-cache.ts';
import { cloneWithOwnMaterials, paintVariant } from './variant-colour.ts';

export interface ProductStageEvents {
  onProgress: (fraction: number) => void;
  onLoaded: () => void;
  onError: (error: unknown) => void;
  onPartSelect: (partId: string) => void;
  /** The first frame that drew the model. */
  onShown: () => void;
}

export interface ProductStage {
  setColor(color: string | null): void;
  /** Back to the first camera position. */
  reset(): void;
  destroy(): void;
}

function lights(scene: Scene): void {
  scene.add(new HemisphereLight('#ffffff', '#8a95a5', 1.4));
  const key = new DirectionalLight(0xffffff, 2.2);
  key.position.set(2, 4, 3);
  const fill = new DirectionalLight(0xffffff, 0.6);
  fill.position.set(-3, 2, -2);
  scene.add(key, fill);
}

function blobShadow(width: number, depth: number): Mesh {
  const shadow = new Mesh(new PlaneGeometry(1, 1), new MeshBasicMaterial({ map: createShadowTexture(), transparent: true, depthWrite: false }));
  shadow.rotation.set(-Math.PI / 2, 0, 0);
  shadow.position.set(0, 0.001, 0);
  shadow.scale.set(width * 1.6, depth * 1.6, 1);
  shadow.renderOrder = -1;
  return shadow;
}

/** Draws `product` into `canvas`, sized to `container`, and exposes it as the 'inline' view until destroyed. */
export function createProductStage(container: HTMLElement, canvas: HTMLCanvasElement, product: ProductDetail, color: string | null, events: ProductStageEvents): ProductStage {
  const { width, height, depth } = product.dimensions;
  const size = Math.max(width, height, depth);
  const centreY = height / 2;
  const distance = size * 2.2;

  const renderer = new WebGLRenderer({ canvas, powerPreference: 'high-performance', antialias: true, alpha: true, preserveDrawingBuffer: true });
  renderer.toneMapping = ACESFilmicToneMapping;
  renderer.outputColorSpace = SRGBColorSpace;
  const scene = new Scene();
  scene.background = new Color('#eef2f7');
  const camera = new PerspectiveCamera(35, 1, 0.01, 100);
  camera.position.set(distance * 0.6, centreY + size * 0.5, distance);
  camera.lookAt(0, centreY, 0);
  lights(scene);
  scene.add(blobShadow(width, product.placement === 'wall' ? width * 0.5 : depth));

  let model: Object3D | null = null;
  let wanted = color;
  let shown = false;
  let destroyed = false;
  let controls: OrbitControls | null = null;
  const addControls = async () => {
    const { OrbitControls } = await import('three/examples/jsm/controls/OrbitControls.js');
    if (destroyed) return;
    controls = new OrbitControls(camera, canvas);
    controls.target.set(0, centreY, 0);
    controls.enableDamping = true;
    controls.minDistance = size * 0.4;
    controls.maxDistance = size * 6;
    controls.update();
    controls.saveState();
  };

  loadProductGltf(product.modelUrl, (fraction) => {
    if (!destroyed) events.onProgress(fraction);
  }).then(
    (gltf) => {
      if (destroyed) return;
      model = cloneWithOwnMaterials(gltf.scene);
      paintVariant(model, wanted);
      const frame = new Group();
      frame.name = `product:${product.id}`;
      frame.add(model);
      const lift = new Group();
      lift.position.set(0, product.placement === 'wall' ? height / 2 : 0, 0);
      lift.add(frame);
      scene.add(lift);
      events.onLoaded();
    },
    (error: unknown) => {
      if (!destroyed) events.onError(error);
    },
  );

  const resize = (cssWidth: number, cssHeight: number) => {
    if (cssWidth === 0 || cssHeight === 0) return;
    renderer.setPixelRatio(Math.min(Math.max(window.devicePixelRatio, 1), 2));
    renderer.setSize(cssWidth, cssHeight);
    camera.aspect = cssWidth / cssHeight;
    camera.updateProjectionMatrix();
  };
  const observer = new ResizeObserver(([entry]) => {
    if (entry) resize(entry.contentRect.width, entry.contentRect.height);
  });
  observer.observe(container);

  // A click picks the part under it when the press began on the model too (as R3F's onClick does).
  const raycaster = new Raycaster();
  const pointer = new Vector2();
  const hitsAt = (event: MouseEvent) => {
    if (!model) return [];
    const rect = canvas.getBoundingClientRect();
    pointer.set(((event.clientX - rect.left) / rect.width) * 2 - 1, -((event.clientY - rect.top) / rect.height) * 2 + 1);
    raycaster.setFromCamera(pointer, camera);
    return raycaster.intersectObject(model, true);
  };
  let pressedOnModel = false;
  const onPointerDown = (event: PointerEvent) => {
    pressedOnModel = hitsAt(event).length > 0;
  };
  const onClick = (event: MouseEvent) => {
    if (!pressedOnModel) return;
    for (const hit of hitsAt(event)) {
      const partId = partIdOf(hit.object);
      if (partId) return events.onPartSelect(partId);
    }
  };
  container.addEventListener('pointerdown', onPointerDown);
  container.addEventListener('click', onClick);

  renderer.setAnimationLoop(() => {
    controls?.update();
    renderer.render(scene, camera);
    if (model && !shown) {
      shown = true;
      events.onShown();
      addControls().catch((error: unknown) => console.warn('orbit controls unavailable', error));
    }
  });
  const view: ObservedCanvas = { view: 'inline', state: () => ({ gl: renderer, scene, camera }) };
  const unexpose = expose('canvas', view);

  return {
    setColor(next) {
      wanted = next;
      if (model) paintVariant(model, next);
    },
    reset: () => controls?.reset(),
    destroy() {
      destroyed = true;
      unexpose();
      observer.disconnect();
      container.removeEventListener('pointerdown', onPointerDown);
      container.removeEventListener('click', onClick);
      renderer.setAnimationLoop(null);
      controls?.dispose();
      renderer.dispose();
      renderer.forceContextLoss();
    },
  };
}
