// A step's image in AR: the 3D step panel draws the picture the guide's author attached to the step (read back as a
// drawn image on the panel's layout, and seen in the screenshot).
import { describe, expect, it } from 'vitest';
import { Vector3 } from 'three';
import type { GuideDetailResponse } from '../../core/guide-version.ts';
import { openPage, screenshot, setHeadPose, signInThroughUi, waitForTestState } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { headLookingAt, placeOnOpenFloor, settle, startGuideTestServer } from '../support/guide-e2e.ts';
import { signIn } from '../support/orders-api.ts';

const GUIDE_ID = 'wheel-corner-brake-pads';
const IMAGE_URL = '/assets/thumbnails/wheel-corner.webp';
const e2e = useServerAndBrowser({ startServer: startGuideTestServer });

/** The author attaches a picture to the first step and publishes that as a new version. */
async function publishWithImage(): Promise<void> {
  const admin = await signIn(e2e.server, 'admin@demo.local');
  const { guide } = (await admin.get<GuideDetailResponse>(`/api/guides/${GUIDE_ID}`)).body;
  const [first, ...rest] = guide.steps;
  if (!first) throw new Error('the seed guide has no steps');
  const media = { kind: 'image', url: IMAGE_URL, alt: { en: 'The wheel corner on its stand', es: 'La esquina de rueda en su soporte' } } as const;
  const published = await admin.request('POST', '/api/guides', { ...guide, steps: [{ ...first, media }, ...rest] });
  expect(published.status).toBe(201);
}

describe('a step image in AR', () => {
  it('is drawn on the 3D step panel', { timeout: 240_000 }, async () => {
    await publishWithImage();
    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/`, { xr: true, viewport: { width: 480, height: 400 } });
    try {
      await signInThroughUi(page, e2e.server.url, 'tech@demo.local', `/assist/wheel-corner?guide=${GUIDE_ID}&asset=image-test`);
      await page.getByTestId('guide-runner').waitFor();
      await page.locator(`img.guide-media[src="${IMAGE_URL}"]`).waitFor();
      await setHeadPose(page, [0, 1.6, 0], [0, 0, 0, 1]);
      await page.getByTestId('enter-ar').click();
      await waitForTestState(page, (s) => s.ar.sessionActive, 'the AR session to start');
      await placeOnOpenFloor(page);

      const shown = await waitForTestState(page, (s) => s.guide.panel?.stepId === 'prepare-vehicle' && s.guide.panel.images === 1, 'the step image on the 3D panel');
      const panel = shown.guide.panel!;
      const centre = panel.buttons.reduce((sum, button) => sum.add(new Vector3(...button.position)), new Vector3()).divideScalar(panel.buttons.length);
      const eye = centre.clone().addScaledVector(new Vector3(...panel.normal), 0.7);
      eye.y = Math.max(eye.y, 1.0);
      await setHeadPose(page, eye.toArray(), headLookingAt(eye.toArray(), [centre.x, centre.y + 0.2, centre.z]));
      await page.evaluate(() => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync('.ar-overlay { visibility: hidden !important; }');
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
      });
      await settle(page, 6);
      await screenshot(page, 'guide-step-image-ar');
    } finally {
      await context.close();
    }
  });
});
