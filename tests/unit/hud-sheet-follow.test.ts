// Where the headset HUD puts an open sheet with the tray below it: whole in a 480×400 emulated view (90° high) looking
// ahead, up a little or down at a product on the floor, and whole in a narrow view too.
import { describe, expect, it } from 'vitest';
import { MathUtils } from 'three';
import { blockPose } from '../../client/src/xr/hud/sheet-follow.ts';

const deg = MathUtils.degToRad;
const HALF_V = Math.PI / 4;
const HALF_H = Math.atan(Math.tan(HALF_V) * (480 / 400));

/** The block's top and bottom elevation and half width angle, for a block facing the eye. */
function extent(pitch: number, width: number, height: number, halfV = HALF_V, halfH = HALF_H) {
  const pose = blockPose({ pitch, halfV, halfH }, width, height);
  const alpha = Math.atan(height / 2 / pose.distance);
  return { pose, top: pose.elevation + alpha, bottom: pose.elevation - alpha, side: Math.atan(width / 2 / pose.distance) };
}

describe('the HUD block with an open sheet', () => {
  it.each([0, 15, -20, -35, -60])('is whole in view with the head pitched %i°', (degrees) => {
    const pitch = deg(degrees);
    const { pose, top, bottom, side } = extent(pitch, 0.46, 0.54 + 0.03 + 0.2);
    expect(top).toBeLessThanOrEqual(pitch + HALF_V);
    expect(bottom).toBeGreaterThanOrEqual(pitch - HALF_V);
    expect(side).toBeLessThanOrEqual(HALF_H);
    expect(pose.distance).toBeGreaterThanOrEqual(0.85);
    expect(pose.distance).toBeLessThan(1.2);
  });

  it('is pushed back until a tall block fits a narrow view', () => {
    const halfV = deg(25);
    const { pose, top, bottom, side } = extent(deg(-35), 0.46, 1, halfV, deg(20));
    expect(top - bottom).toBeLessThanOrEqual(2 * halfV);
    expect(side).toBeLessThanOrEqual(deg(20));
    expect(pose.distance).toBeGreaterThan(1.2);
  });
});
