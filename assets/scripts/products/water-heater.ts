// Wall-mounted water heater: casing with controls, pressure gauge, and under it the inlet filter, isolation valves and relief valve.
import type { Vec3 } from '../../../core/geometry.ts';
import { lathe } from '../geometry/lathe.ts';
import type { MeshData } from '../geometry/mesh-data.ts';
import { mergeMeshes } from '../geometry/mesh-data.ts';
import { roundedDiscProfile } from '../geometry/profiles.ts';
import { roundedBoxBetween } from '../geometry/rounded-box.ts';
import { facingFront, rotateZ, translate } from '../geometry/transform.ts';
import { segmentPath } from '../geometry/path.ts';
import { tube } from '../geometry/tube.ts';
import type { PartGeometry, ProductModel } from '../product-model.ts';
import { partInModelFrame } from '../product-model.ts';

const CASING = { halfWidth: 0.2, top: 0.35, bottom: -0.18, depth: 0.3, corner: 0.02 };
const PANEL_Y = -0.095;
const GAUGE = { x: 0.11, faceFront: 0.007 };
const PIPE = { z: 0.07, radius: 0.0075, end: -0.35 };
const LINES = { inlet: -0.12, outlet: 0, relief: 0.12 };

function pipe(x: number, fromY: number, toY: number, radius = PIPE.radius): MeshData {
  return tube(segmentPath([x, fromY, PIPE.z], [x, toY, PIPE.z]), { radius, radialSegments: 16 });
}

/** A ball valve on a vertical pipe at `y`: brass body with hex ends and a stem facing the room. */
function ballValveBody(x: number, y: number): MeshData {
  const ends = lathe([[0, -0.018], [0.013, -0.018], [0.013, 0.018], [0, 0.018], [0, -0.018]], { segments: 6, facetted: true });
  const ball = lathe(roundedDiscProfile(0.017, -0.011, 0.011, 0.006), { segments: 28 });
  const stem = facingFront(lathe(roundedDiscProfile(0.0045, 0, 0.022, 0.001), { segments: 16 }), [0, 0, 0]);
  return translate(mergeMeshes(ends, ball, stem), [x, y, PIPE.z]);
}

/** A lever hanging down along the pipe from the valve stem: the valve is open. */
function valveLever(x: number, y: number): MeshData {
  return roundedBoxBetween([x - 0.007, y - 0.045, PIPE.z + 0.022], [x + 0.007, y + 0.007, PIPE.z + 0.029], 0.0025, 2);
}

function buildCasing(): PartGeometry {
  const { halfWidth: w, top, bottom, depth, corner } = CASING;
  const shell = roundedBoxBetween([-w, bottom, 0], [w, top, depth], corner, 4);
  const display = roundedBoxBetween([-0.15, PANEL_Y - 0.02, depth - 0.003], [-0.03, PANEL_Y + 0.02, depth + 0.003], 0.002, 2);
  const knob = facingFront(lathe(roundedDiscProfile(0.017, 0, 0.014, 0.003), { segments: 32 }), [0.025, PANEL_Y, depth]);
  const seam = roundedBoxBetween([-w + 0.03, -0.045, depth - 0.001], [w - 0.03, -0.042, depth + 0.0012], 0.0008, 1);
  return partInModelFrame('casing', [
    { material: 'body', mesh: shell },
    { material: 'display', mesh: display },
    { material: 'black-plastic', mesh: mergeMeshes(knob, seam) },
  ]);
}

function buildPressureGauge(): PartGeometry {
  const at: Vec3 = [GAUGE.x, PANEL_Y, CASING.depth];
  const bezel = lathe([[0.0245, 0], [0.031, 0], [0.031, 0.008], [0.028, 0.012], [0.0245, 0.012], [0.0245, 0]], { segments: 40 });
  const face = lathe([[0, 0], [0.0246, 0], [0.0246, GAUGE.faceFront], [0, GAUGE.faceFront], [0, 0]], { segments: 40 });
  const needle = rotateZ(roundedBoxBetween([-0.0012, -0.003, GAUGE.faceFront], [0.0012, 0.019, GAUGE.faceFront + 0.0012], 0.0004, 1), -0.6);
  const ticks: MeshData[] = [];
  for (let k = 0; k <= 6; k++) {
    const tick = roundedBoxBetween([-0.0007, 0.017, GAUGE.faceFront], [0.0007, 0.022, GAUGE.faceFront + 0.0004], 0.0002, 1);
    ticks.push(rotateZ(tick, 2.2 - (4.4 * k) / 6));
  }
  return partInModelFrame('pressure-gauge', [
    { material: 'chrome', mesh: facingFront(bezel, at) },
    { material: 'gauge-face', mesh: facingFront(face, at) },
    { material: 'black-plastic', mesh: translate(mergeMeshes(needle, ...ticks), at) },
  ]);
}

function buildFilter(): PartGeometry {
  const x = LINES.inlet;
  const head = lathe([[0, -0.205], [0.034, -0.205], [0.036, -0.2], [0.036, -0.19], [0.012, -0.19], [0.012, CASING.bottom], [0, CASING.bottom], [0, -0.205]], { segments: 36 });
  const bowl = lathe([[0, -0.276], [0.022, -0.276], [0.03, -0.266], [0.031, -0.21], [0.033, -0.205], [0, -0.205], [0, -0.276]], { segments: 36 });
  const cartridge = lathe([[0, -0.262], [0.019, -0.262], [0.019, -0.21], [0, -0.21], [0, -0.262]], { segments: 24 });
  const at: Vec3 = [x, 0, PIPE.z];
  return partInModelFrame('filter', [
    { material: 'white-plastic', mesh: translate(head, at) },
    { material: 'filter-bowl', mesh: translate(bowl, at) },
    { material: 'filter-media', mesh: translate(cartridge, at) },
  ]);
}

function buildIsolationValve(id: 'inlet-valve' | 'outlet-valve'): PartGeometry {
  const inlet = id === 'inlet-valve';
  const x = inlet ? LINES.inlet : LINES.outlet;
  const y = inlet ? -0.294 : -0.29;
  return partInModelFrame(id, [
    { material: 'copper', mesh: pipe(x, PIPE.end, inlet ? -0.274 : CASING.bottom + 0.001) },
    { material: 'brass', mesh: ballValveBody(x, y) },
    { material: inlet ? 'blue-plastic' : 'red-plastic', mesh: valveLever(x, y) },
  ]);
}

function buildReliefValve(): PartGeometry {
  const x = LINES.relief;
  const body = lathe(
    [[0, -0.252], [0.014, -0.252], [0.014, -0.243], [0.017, -0.24], [0.017, -0.215], [0.011, -0.21], [0.011, -0.2], [0, -0.2], [0, -0.252]],
    { segments: 6, facetted: true },
  );
  const bonnet = facingFront(lathe(roundedDiscProfile(0.009, 0, 0.02, 0.002), { segments: 24 }), [0, -0.227, 0]);
  const lever = roundedBoxBetween([-0.006, -0.232, 0.019], [0.006, -0.198, 0.025], 0.002, 2);
  return partInModelFrame('relief-valve', [
    { material: 'brass', mesh: translate(mergeMeshes(body, bonnet), [x, 0, PIPE.z]) },
    { material: 'copper', mesh: mergeMeshes(pipe(x, -0.201, CASING.bottom + 0.001), pipe(x, PIPE.end, -0.251, 0.011)) },
    { material: 'red-plastic', mesh: translate(lever, [x, 0, PIPE.z]) },
  ]);
}

export function buildWaterHeater(): ProductModel {
  const { halfWidth: w, top, bottom, depth } = CASING;
  const inset = 0.03;
  return {
    id: 'water-heater',
    placement: 'wall',
    parts: [buildCasing(), buildFilter(), buildPressureGauge(), buildIsolationValve('inlet-valve'), buildIsolationValve('outlet-valve'), buildReliefValve()],
    landmarks: [
      {
        id: 'casing-top-front-left',
        partId: 'casing',
        name: { en: 'Top of the casing, front left corner', es: 'Parte superior de la carcasa, esquina delantera izquierda' },
        position: [-w + inset, top, depth - inset],
      },
      {
        id: 'casing-top-front-right',
        partId: 'casing',
        name: { en: 'Top of the casing, front right corner', es: 'Parte superior de la carcasa, esquina delantera derecha' },
        position: [w - inset, top, depth - inset],
      },
      {
        id: 'casing-bottom-front-left',
        partId: 'casing',
        name: { en: 'Underside of the casing, front left corner', es: 'Parte inferior de la carcasa, esquina delantera izquierda' },
        position: [-w + inset, bottom, depth - inset],
      },
      {
        id: 'pressure-gauge-centre',
        partId: 'pressure-gauge',
        name: { en: 'Centre of the pressure gauge dial', es: 'Centro de la esfera del manómetro' },
        position: [GAUGE.x, PANEL_Y, depth + GAUGE.faceFront],
      },
    ],
  };
}
