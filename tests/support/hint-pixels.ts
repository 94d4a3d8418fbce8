// Counts the pixels of a 3D view, as the page shows it, drawn in a step hint's amber (#f59e0b): how a test sees a hint.
import path from 'node:path';
import sharp from 'sharp';
import type { Page } from 'playwright-core';
import { ARTIFACTS_DIR } from './browser.ts';

/** Pixels of the canvas under `selector` in the hint's amber; saves the capture as `name`.png among the artifacts. */
export async function amberPixels(page: Page, name?: string, selector = '.guide-stage canvas'): Promise<number> {
  const png = await page.locator(selector).screenshot(name ? { path: path.join(ARTIFACTS_DIR, `${name}.png`) } : {});
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  let amber = 0;
  for (let i = 0; i < data.length; i += info.channels) {
    const [r, g, b] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0];
    if (r > 180 && g > 90 && g < 210 && b < 100 && r - g > 40) amber += 1;
  }
  return amber;
}
