// Front wheel corner: tyre on a twin five-spoke rim, wheel bolts, hub, ventilated disc, floating caliper with pads and guide bolts.
import type { Vec3 } from '../../../core/geometry.ts';
import type { ProfilePoint } from '../geometry/lathe.ts';
import { lathe } from '../geometry/lathe.ts';
import type { MeshData } from '../geometry/mesh-data.ts';
import { mergeMeshes } from '../geometry/mesh-data.ts';
import { roundedDiscProfile, roundedRectProfile } from '../geometry/profiles.ts';
import { rotateX, translate } from '../geometry/transform.ts';
import { tube } from '../geometry/tube.ts';
import type { PartGeometry, ProductModel } from '../product-model.ts';
import { partInModelFrame } from '../product-model.ts';

const DEG = Math.PI / 180;
const TYRE = { outer: 0.325, bead: 0.216, centreZ: -0.045, segments: 96 };
const CALIPER_ANGLE = 180;
const CALIPER_BOLT = { radius: 0.145, seatZ: -0.083, angles: { upper: CALIPER_ANGLE - 36, lower: CALIPER_ANGLE + 36 } };
const BRIDGE = { rIn: 0.166, rOut: 0.193, zBack: -0.085, zFront: -0.001, halfSweep: 28 };
const HUB_CAP_FRONT_Z = 0.0455;

/** A point at clock angle `angleDeg` (0 = +X, 90 = up) and `radius` around the axle, `z` along it (outboard +Z). */
function axlePoint(radius: number, z: number, angleDeg: number): Vec3 {
  return [radius * Math.cos(angleDeg * DEG), radius * Math.sin(angleDeg * DEG), z];
}

/** Revolves a (radius, z) profile about the axle; sweeps are given in clock angles. */
function aroundAxle(profile: readonly ProfilePoint[], segments: number, fromDeg = -90, sweepDeg = 360, facetted = false): MeshData {
  return rotateX(lathe(profile, { segments, startAngle: (fromDeg + 90) * DEG, sweep: sweepDeg * DEG, facetted }), Math.PI / 2);
}

function axleSector(rIn: number, rOut: number, zBack: number, zFront: number, centreDeg: number, halfSweepDeg: number, corner: number): MeshData {
  const segments = Math.max(6, Math.round(halfSweepDeg / 2.5));
  return aroundAxle(roundedRectProfile(rIn, rOut, zBack, zFront, corner, 2), segments, centreDeg - halfSweepDeg, 2 * halfSweepDeg);
}

/** Bolt or nut geometry standing on the XY plane along +Z: a round seat under a chamfered hex head. */
function hexHead(seatRadius: number, seatHeight: number, hexRadius: number, hexHeight: number): MeshData {
  const seat = lathe(
    [[0, 0], [seatRadius * 0.75, 0], [seatRadius, seatHeight * 0.8], [seatRadius, seatHeight], [0, seatHeight], [0, 0]],
    { segments: 24 },
  );
  const top = seatHeight + hexHeight;
  const hex = lathe(
    [[0, seatHeight], [hexRadius, seatHeight], [hexRadius, top - hexHeight * 0.12], [hexRadius * 0.88, top], [0, top], [0, seatHeight]],
    { segments: 6, facetted: true },
  );
  return rotateX(mergeMeshes(seat, hex), Math.PI / 2);
}

function cubic(p0: ProfilePoint, p1: ProfilePoint, p2: ProfilePoint, p3: ProfilePoint, t: number): ProfilePoint {
  const u = 1 - t;
  const [a, b, c, d] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
  return [a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]];
}

/** Half-width 0.1125 m (225 mm tyre), bulged sidewalls, four circumferential grooves in the tread. */
function tyreProfile(): ProfilePoint[] {
  const inboard: ProfilePoint[] = [[TYRE.bead, -0.091], [0.232, -0.094]];
  for (let k = 1; k <= 14; k++) inboard.push(cubic([0.232, -0.094], [0.252, -0.12], [0.322, -0.118], [TYRE.outer, -0.086], k / 14));
  const tread: ProfilePoint[] = [];
  for (const groove of [-0.062, -0.022, 0.022, 0.062]) {
    tread.push([TYRE.outer, groove - 0.0045], [TYRE.outer - 0.008, groove - 0.0035], [TYRE.outer - 0.008, groove + 0.0035], [TYRE.outer, groove + 0.0045]);
  }
  const outboard = [...inboard].reverse().map(([r, z]): ProfilePoint => [r, -z]);
  const half = [...inboard, ...tread, ...outboard];
  const profile = half.map(([r, z]): ProfilePoint => [r, z + TYRE.centreZ]);
  const first = profile[0];
  return first ? [...profile, first] : profile;
}

function buildWheel(): PartGeometry {
  const tyre = aroundAxle(tyreProfile(), TYRE.segments);
  const barrel = aroundAxle(
    [
      [0.2, -0.15], [0.226, -0.15], [0.231, -0.146], [0.231, -0.141], [0.222, -0.138], [0.216, -0.136], [0.216, -0.115],
      [0.211, -0.1], [0.211, 0.025], [0.216, 0.035], [0.216, 0.046], [0.222, 0.048], [0.231, 0.051], [0.231, 0.056],
      [0.226, 0.06], [0.19, 0.06], [0.186, 0.054], [0.19, 0.03], [0.2, 0.026], [0.2, -0.15],
    ],
    96,
  );
  const boss = aroundAxle([[0.034, 0], [0.085, 0], [0.088, 0.022], [0.079, 0.036], [0.034, 0.036], [0.034, 0]], 64);
  const spokes = [0, 72, 144, 216, 288].flatMap((angle) =>
    [-1, 1].map((side) => {
      const path: Vec3[] = [];
      for (let k = 0; k <= 10; k++) {
        const t = k / 10;
        path.push(axlePoint(0.07 + 0.127 * t, 0.024 + 0.021 * t ** 1.5, angle + side * (3.5 + 5.5 * t)));
      }
      return tube(path, { radius: 0.0105, aspect: 1.55, taper: (t) => 1 - 0.2 * t, radialSegments: 16, sectionAxis: [0, 0, 1] });
    }),
  );
  return partInModelFrame('wheel', [
    { material: 'rubber', mesh: tyre },
    { material: 'body', mesh: mergeMeshes(barrel, boss, ...spokes) },
  ]);
}

function buildWheelBolts(): PartGeometry {
  const head = hexHead(0.0108, 0.0068, 0.0098, 0.0117);
  const bolts = [36, 108, 180, 252, 324].map((angle) => translate(head, axlePoint(0.05715, 0.036, angle)));
  return partInModelFrame('wheel-bolts', [{ material: 'zinc', mesh: mergeMeshes(...bolts) }]);
}

function buildHub(): PartGeometry {
  const body = aroundAxle(
    [
      [0, -0.118], [0.028, -0.118], [0.034, -0.112], [0.034, -0.098], [0.047, -0.094], [0.047, -0.032], [0.056, -0.024],
      [0.072, -0.021], [0.074, -0.019], [0.074, -0.007], [0.0325, -0.007], [0.0325, 0.03], [0, 0.03], [0, -0.118],
    ],
    64,
  );
  const cap = aroundAxle([[0, 0.03], [0.029, 0.03], [0.029, 0.036], [0.024, 0.041], [0.014, 0.0445], [0, HUB_CAP_FRONT_Z], [0, 0.03]], 48);
  return partInModelFrame('hub', [
    { material: 'dark-steel', mesh: body },
    { material: 'chrome', mesh: cap },
  ]);
}

function buildBrakeDisc(): PartGeometry {
  const hat = aroundAxle([[0.034, 0], [0.034, -0.007], [0.089, -0.007], [0.089, -0.027], [0.095, -0.027], [0.095, 0], [0.034, 0]], 96);
  const ring = aroundAxle(
    [[0.089, -0.055], [0.16, -0.055], [0.16, -0.047], [0.124, -0.047], [0.124, -0.035], [0.16, -0.035], [0.16, -0.027], [0.089, -0.027], [0.089, -0.055]],
    96,
  );
  return partInModelFrame('brake-disc', [
    { material: 'dark-steel', mesh: hat },
    { material: 'cast-iron', mesh: ring },
  ]);
}

function buildCaliper(): PartGeometry {
  const c = CALIPER_ANGLE;
  const finger = axleSector(0.112, 0.19, -0.013, BRIDGE.zFront, c, 26, 0.004);
  const bridge = axleSector(BRIDGE.rIn, BRIDGE.rOut, BRIDGE.zBack, BRIDGE.zFront, c, BRIDGE.halfSweep, 0.006);
  const housing = axleSector(0.108, BRIDGE.rOut, BRIDGE.zBack, -0.069, c, BRIDGE.halfSweep, 0.005);
  const ears = Object.values(CALIPER_BOLT.angles).map((angle) => axleSector(0.128, 0.162, CALIPER_BOLT.seatZ, -0.07, angle, 9, 0.004));
  const piston = translate(
    rotateX(lathe(roundedDiscProfile(0.032, 0, 0.03, 0.005), { segments: 40 }), -Math.PI / 2),
    axlePoint(0.14, -0.07, c),
  );
  return partInModelFrame('caliper', [{ material: 'caliper-paint', mesh: mergeMeshes(finger, bridge, housing, ...ears, piston) }]);
}

function buildBrakePads(): PartGeometry {
  const c = CALIPER_ANGLE;
  const backing = mergeMeshes(axleSector(0.11, 0.16, -0.018, -0.013, c, 25, 0.0012), axleSector(0.11, 0.16, -0.069, -0.064, c, 25, 0.0012));
  const friction = mergeMeshes(axleSector(0.114, 0.157, -0.027, -0.018, c, 23, 0.0015), axleSector(0.114, 0.157, -0.064, -0.055, c, 23, 0.0015));
  return partInModelFrame('brake-pads', [
    { material: 'dark-steel', mesh: backing },
    { material: 'pad-friction', mesh: friction },
  ]);
}

function buildCaliperBolts(): PartGeometry[] {
  const head = rotateX(hexHead(0.0095, 0.002, 0.0075, 0.0075), Math.PI);
  return (['upper', 'lower'] as const).map((which) => ({
    id: `caliper-bolt-${which}`,
    origin: axlePoint(CALIPER_BOLT.radius, CALIPER_BOLT.seatZ, CALIPER_BOLT.angles[which]),
    primitives: [{ material: 'zinc', mesh: head }],
  }));
}

export function buildWheelCorner(): ProductModel {
  return {
    id: 'wheel-corner',
    placement: 'floor',
    parts: [buildWheel(), buildWheelBolts(), buildHub(), buildBrakeDisc(), buildCaliper(), buildBrakePads(), ...buildCaliperBolts()],
    landmarks: [
      {
        id: 'hub-centre-cap',
        partId: 'hub',
        name: { en: 'Hub centre cap', es: 'Tapa central del buje' },
        position: [0, 0, HUB_CAP_FRONT_Z],
      },
      {
        id: 'tyre-bottom',
        partId: 'wheel',
        name: { en: 'Bottom of the tyre, where it meets the floor', es: 'Parte inferior del neumático, donde toca el suelo' },
        position: axlePoint(TYRE.outer, TYRE.centreZ, -90),
      },
      {
        id: 'tyre-tread-side',
        partId: 'wheel',
        name: { en: 'Tyre tread at 3 o’clock', es: 'Banda de rodadura a las 3 en punto' },
        position: axlePoint(TYRE.outer, TYRE.centreZ, 0),
      },
      {
        id: 'caliper-top',
        partId: 'caliper',
        name: { en: 'Top of the caliper', es: 'Parte superior de la pinza' },
        position: axlePoint((BRIDGE.rIn + BRIDGE.rOut) / 2, (BRIDGE.zBack + BRIDGE.zFront) / 2, CALIPER_ANGLE - BRIDGE.halfSweep),
      },
    ],
  };
}
