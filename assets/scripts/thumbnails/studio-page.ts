// Runs in Chromium: a studio scene (soft environment light, key light with a soft contact shadow, neutral backdrop).
import {
  Box3,
  Color,
  DirectionalLight,
  Mesh,
  NeutralToneMapping,
  PerspectiveCamera,
  PlaneGeometry,
  PMREMGenerator,
  Scene,
  ShadowMaterial,
  Sphere,
  SRGBColorSpace,
  Vector3,
  VSMShadowMap,
  WebGLRenderer,
} from 'three';
import type { Object3D } from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { RoomEnvironment } from 'three/examples/jsm/environments/RoomEnvironment.js';
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';
import type { StudioApi, StudioRequest } from './studio-api.ts';

const SUPERSAMPLE = 2;
const FOV = 28;

const renderer = new WebGLRenderer({ antialias: true, alpha: true, preserveDrawingBuffer: true });
renderer.outputColorSpace = SRGBColorSpace;
renderer.toneMapping = NeutralToneMapping;
renderer.toneMappingExposure = 1.05;
renderer.shadowMap.enabled = true;
renderer.shadowMap.type = VSMShadowMap;
renderer.setClearColor(new Color('#000000'), 0);

const environment = new PMREMGenerator(renderer).fromScene(new RoomEnvironment(), 0.04).texture;
const loader = new GLTFLoader().setMeshoptDecoder(MeshoptDecoder);

function castShadows(root: Object3D): void {
  root.traverse((object) => {
    if (object instanceof Mesh) object.castShadow = true;
  });
}

function shadowCatcher(request: StudioRequest, bounds: Box3, radius: number): Mesh {
  const plane = new Mesh(new PlaneGeometry(radius * 8, radius * 8), new ShadowMaterial({ opacity: request.placement === 'floor' ? 0.28 : 0.16 }));
  plane.receiveShadow = true;
  if (request.placement === 'floor') {
    plane.rotation.x = -Math.PI / 2;
    plane.position.y = bounds.min.y;
  } else {
    plane.position.z = bounds.min.z;
  }
  return plane;
}

function keyLight(request: StudioRequest, centre: Vector3, radius: number): DirectionalLight {
  const light = new DirectionalLight('#ffffff', 1.6);
  const direction = request.placement === 'floor' ? new Vector3(-0.12, 1, 0.12) : new Vector3(-0.22, 0.45, 1);
  light.position.copy(centre).addScaledVector(direction.normalize(), radius * 4);
  light.target.position.copy(centre);
  light.castShadow = true;
  light.shadow.mapSize.set(1024, 1024);
  light.shadow.radius = 16;
  light.shadow.blurSamples = 24;
  light.shadow.bias = -0.0005;
  const camera = light.shadow.camera;
  camera.left = camera.bottom = -radius * 2;
  camera.right = camera.top = radius * 2;
  camera.near = radius;
  camera.far = radius * 8;
  return light;
}

function composite(source: HTMLCanvasElement, request: StudioRequest): string {
  const { size } = request;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('no 2D context');
  const backdrop = context.createRadialGradient(size * 0.5, size * 0.38, size * 0.05, size * 0.5, size * 0.5, size * 0.8);
  backdrop.addColorStop(0, '#f7f8fa');
  backdrop.addColorStop(1, '#dfe2e7');
  context.fillStyle = backdrop;
  context.fillRect(0, 0, size, size);
  context.imageSmoothingQuality = 'high';
  context.drawImage(source, 0, 0, size, size);
  return canvas.toDataURL(request.format ?? 'image/webp', request.quality);
}

async function render(request: StudioRequest): Promise<string> {
  const gltf = await loader.loadAsync(request.modelUrl);
  const model = gltf.scene;
  castShadows(model);
  const bounds = new Box3().setFromObject(model);
  const sphere = bounds.getBoundingSphere(new Sphere());
  const { center, radius } = sphere;

  const scene = new Scene();
  scene.environment = environment;
  scene.environmentIntensity = 0.9;
  const light = keyLight(request, center, radius);
  scene.add(model, light, light.target, shadowCatcher(request, bounds, radius));

  const camera = new PerspectiveCamera(FOV, 1, radius * 0.1, radius * 20);
  const distance = (radius / Math.sin(((FOV / 2) * Math.PI) / 180)) * 1.02;
  const azimuth = (request.view.azimuth * Math.PI) / 180;
  const elevation = (request.view.elevation * Math.PI) / 180;
  camera.position.set(
    center.x + distance * Math.cos(elevation) * Math.sin(azimuth),
    center.y + distance * Math.sin(elevation),
    center.z + distance * Math.cos(elevation) * Math.cos(azimuth),
  );
  camera.lookAt(center);

  renderer.setPixelRatio(1);
  renderer.setSize(request.size * SUPERSAMPLE, request.size * SUPERSAMPLE, false);
  renderer.render(scene, camera);
  const url = composite(renderer.domElement, request);
  model.traverse((object) => {
    if (object instanceof Mesh) object.geometry.dispose();
  });
  return url;
}

const studio: StudioApi = { render };
(window as unknown as { studio: StudioApi }).studio = studio;
document.body.dataset['ready'] = 'true';
