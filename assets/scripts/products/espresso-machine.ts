// Espresso machine: housing, rear water tank with filter cartridge, drip tray, group head, portafilter, steam wand, descaling valve.
import type { Vec3 } from '../../../core/geometry.ts';
import { bentPath, segmentPath } from '../geometry/path.ts';
import { lathe, lathePoint } from '../geometry/lathe.ts';
import type { MeshData } from '../geometry/mesh-data.ts';
import { mergeMeshes } from '../geometry/mesh-data.ts';
import { roundedDiscProfile, sphereProfile } from '../geometry/profiles.ts';
import { roundedBoxBetween } from '../geometry/rounded-box.ts';
import { facingFront, rotateX, translate } from '../geometry/transform.ts';
import { tube } from '../geometry/tube.ts';
import type { PartGeometry, ProductModel } from '../product-model.ts';
import { partInModelFrame } from '../product-model.ts';

const FOOT = 0.008;
const PLINTH = { top: 0.058, back: -0.17, front: 0.13 };
const TOP = 0.4;
const TOWER = { back: -0.105, front: 0.02, corner: 0.014 };
const HEAD = { bottom: 0.31, back: -0.02, front: 0.13, corner: 0.014 };
const GROUP = { z: 0.07, collarRadius: 0.046, collarMid: 0.29 };
const TRAY = { bottom: PLINTH.top, top: 0.09, back: 0.025, front: PLINTH.front };
const TANK = { back: -0.166, front: -0.108, bottom: PLINTH.top, top: 0.328 };
const VALVE = { x: -0.115, y: 0.135 };

function buildBody(): PartGeometry {
  const plinth = roundedBoxBetween([-0.15, FOOT, PLINTH.back], [0.15, PLINTH.top, PLINTH.front], 0.012);
  const tower = roundedBoxBetween([-0.15, PLINTH.top, TOWER.back], [0.15, TOP, TOWER.front], TOWER.corner);
  const head = roundedBoxBetween([-0.15, HEAD.bottom, HEAD.back], [0.15, TOP, HEAD.front], HEAD.corner);
  const button = lathe(roundedDiscProfile(0.0105, 0, 0.006, 0.002), { segments: 28 });
  const buttons = [-0.095, -0.058].map((x) => facingFront(button, [x, 0.356, HEAD.front]));
  const knob = mergeMeshes(
    lathe(roundedDiscProfile(0.008, 0, 0.006, 0.001), { segments: 24 }),
    lathe(roundedDiscProfile(0.017, 0.006, 0.022, 0.003), { segments: 12, facetted: true }),
  );
  const steamKnob = facingFront(knob, [0.095, 0.356, HEAD.front]);
  const feet = [-0.12, 0.12].flatMap((x) => [-0.14, 0.1].map((z) => translate(lathe(roundedDiscProfile(0.014, 0, FOOT + 0.002, 0.002), { segments: 20 }), [x, 0, z])));
  return partInModelFrame('body', [
    { material: 'body', mesh: mergeMeshes(plinth, tower, head) },
    { material: 'chrome', mesh: mergeMeshes(...buttons, steamKnob) },
    { material: 'black-plastic', mesh: mergeMeshes(...feet) },
  ]);
}

function buildWaterTank(): PartGeometry {
  const shell = roundedBoxBetween([-0.11, TANK.bottom, TANK.back], [0.11, TANK.top, TANK.front], 0.01);
  const lid = roundedBoxBetween([-0.113, TANK.top, TANK.back - 0.003], [0.113, TANK.top + 0.014, TANK.front + 0.003], 0.005);
  return partInModelFrame('water-tank', [
    { material: 'tank-plastic', mesh: shell },
    { material: 'black-plastic', mesh: lid },
  ]);
}

function buildWaterFilter(): PartGeometry {
  const at: Vec3 = [0.05, 0, (TANK.back + TANK.front) / 2];
  const cartridge = lathe([[0, 0.068], [0.019, 0.068], [0.02, 0.072], [0.02, 0.17], [0.017, 0.175], [0, 0.175], [0, 0.068]], { segments: 32 });
  const cap = lathe(roundedDiscProfile(0.014, 0.175, 0.19, 0.003), { segments: 32 });
  return partInModelFrame('water-filter', [
    { material: 'white-plastic', mesh: translate(cartridge, at) },
    { material: 'blue-plastic', mesh: translate(cap, at) },
  ]);
}

function buildDripTray(): PartGeometry {
  const tray = roundedBoxBetween([-0.12, TRAY.bottom, TRAY.back], [0.12, TRAY.top, TRAY.front], 0.006);
  const slats: MeshData[] = [];
  for (let k = 0; k < 9; k++) {
    const z = TRAY.back + 0.011 + k * 0.0105;
    slats.push(roundedBoxBetween([-0.108, TRAY.top, z - 0.003], [0.108, TRAY.top + 0.004, z + 0.003], 0.0012, 1));
  }
  return partInModelFrame('drip-tray', [
    { material: 'black-plastic', mesh: tray },
    { material: 'chrome', mesh: mergeMeshes(...slats) },
  ]);
}

function buildGroupHead(): PartGeometry {
  const collar = lathe(
    [[0, 0.278], [0.04, 0.278], [0.043, 0.281], [0.043, 0.284], [GROUP.collarRadius, 0.286], [GROUP.collarRadius, 0.298], [0.05, 0.302], [0.05, HEAD.bottom], [0, HEAD.bottom], [0, 0.278]],
    { segments: 48 },
  );
  return partInModelFrame('group-head', [{ material: 'chrome', mesh: translate(collar, [0, 0, GROUP.z]) }]);
}

function buildPortafilter(): PartGeometry {
  const basket = lathe([[0, 0.24], [0.034, 0.24], [0.04, 0.246], [0.042, 0.272], [0.043, 0.278], [0, 0.278], [0, 0.24]], { segments: 48 });
  const spout = lathe([[0, 0.222], [0.008, 0.222], [0.011, 0.232], [0.011, 0.24], [0, 0.24], [0, 0.222]], { segments: 24 });
  const metal = translate(mergeMeshes(basket, spout), [0, 0, GROUP.z]);
  const stem = tube(segmentPath([0, 0.259, GROUP.z + 0.038], [0, 0.254, GROUP.z + 0.066]), { radius: 0.0075, radialSegments: 16 });
  const grip = lathe(
    [[0, 0], [0.011, 0], [0.012, 0.008], [0.0135, 0.05], [0.0155, 0.078], [0.014, 0.086], [0.009, 0.09], [0, 0.091]],
    { segments: 28 },
  );
  const tilt = (100 * Math.PI) / 180;
  return partInModelFrame('portafilter', [
    { material: 'chrome', mesh: mergeMeshes(metal, stem) },
    { material: 'black-plastic', mesh: translate(rotateX(grip, tilt), [0, 0.255, GROUP.z + 0.06]) },
  ]);
}

function buildSteamWand(): PartGeometry {
  const pivot: Vec3 = [0.118, HEAD.bottom - 0.006, 0.085];
  const ball = translate(lathe(sphereProfile(0.011), { segments: 24 }), pivot);
  const elbow: Vec3 = [0.122, 0.205, 0.093];
  const wand = tube(bentPath([pivot, elbow, [0.134, 0.15, 0.108]], 0.03, 8), { radius: 0.0045, radialSegments: 14 });
  const alongWand = (t: number): Vec3 => [0, 1, 2].map((axis) => (pivot[axis] ?? 0) + ((elbow[axis] ?? 0) - (pivot[axis] ?? 0)) * t) as Vec3;
  const grip = tube(segmentPath(alongWand(0.15), alongWand(0.65), 2), { radius: 0.0078, radialSegments: 18 });
  return partInModelFrame('steam-wand', [
    { material: 'chrome', mesh: mergeMeshes(ball, wand) },
    { material: 'black-plastic', mesh: grip },
  ]);
}

function buildDescalingValve(): PartGeometry {
  const flange = lathe(roundedDiscProfile(0.013, 0, 0.004, 0.001), { segments: 28 });
  const hex = lathe([[0, 0.004], [0.009, 0.004], [0.009, 0.016], [0, 0.016], [0, 0.004]], { segments: 6, facetted: true });
  const cap = lathe(roundedDiscProfile(0.0105, 0.016, 0.027, 0.003), { segments: 28 });
  const at: Vec3 = [VALVE.x, VALVE.y, TOWER.front];
  return partInModelFrame('descaling-valve', [
    { material: 'brass', mesh: facingFront(mergeMeshes(flange, hex), at) },
    { material: 'red-plastic', mesh: facingFront(cap, at) },
  ]);
}

export function buildEspressoMachine(): ProductModel {
  const collarFront = lathePoint(GROUP.collarRadius, GROUP.collarMid, 0);
  return {
    id: 'espresso-machine',
    placement: 'floor',
    parts: [
      buildBody(),
      buildWaterTank(),
      buildWaterFilter(),
      buildDripTray(),
      buildPortafilter(),
      buildGroupHead(),
      buildDescalingValve(),
      buildSteamWand(),
    ],
    landmarks: [
      {
        id: 'body-top-front-left',
        partId: 'body',
        name: { en: 'Top of the housing, front left corner', es: 'Parte superior de la carcasa, esquina delantera izquierda' },
        position: [-0.13, TOP, HEAD.front - 0.02],
      },
      {
        id: 'body-top-back-right',
        partId: 'body',
        name: { en: 'Top of the housing, back right corner', es: 'Parte superior de la carcasa, esquina trasera derecha' },
        position: [0.13, TOP, TOWER.back + 0.018],
      },
      {
        id: 'group-head-front',
        partId: 'group-head',
        name: { en: 'Front of the group head collar', es: 'Frontal del aro del grupo' },
        position: [collarFront[0], collarFront[1], collarFront[2] + GROUP.z],
      },
      {
        id: 'drip-tray-front',
        partId: 'drip-tray',
        name: { en: 'Centre of the drip tray front', es: 'Centro del frontal de la bandeja de goteo' },
        position: [0, (TRAY.bottom + TRAY.top) / 2, TRAY.front],
      },
    ],
  };
}
