// A technician picks the brake pads on the placed wheel corner in AR, orders them, and sees the order's status change live;
// the order placed on the page is recorded as placed on a page, and one placed with the headset's own checkout as in AR.
import { modelPath } from '../support/asset-paths.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { openPage, readTestState, screenshot, setHeadPose, waitForTestState } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { pressHud } from '../support/hud-e2e.ts';
import { signIn } from '../support/orders-api.ts';
import { aimAtPart, type PartAim } from '../support/part-aim.ts';
import { fillAddress, placeOnOpenFloor, selectPartWithRay, signInThroughUi } from '../support/orders-e2e.ts';

const e2e = useServerAndBrowser();
let padsAim: PartAim;
/** Small, so the software renderer keeps a few frames a second even on a busy machine. */
const AR_VIEWPORT = { width: 320, height: 260 };

beforeAll(async () => {
  padsAim = await aimAtPart(modelPath('wheel-corner'), 'brake-pads');
});

describe('ordering a part picked in AR', () => {
  it('brake pads selected with the controller ray → part card → cart → checkout → live status → origin page, then an AR order from the headset checkout', async () => {
    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/`, { xr: true, viewport: AR_VIEWPORT });
    try {
      await signInThroughUi(page, e2e.server.url, 'tech@demo.local', '/products/wheel-corner');
      await page.getByRole('heading', { level: 1, name: /wheel corner/i }).waitFor();

      await setHeadPose(page, [0, 1.6, 0], [0, 0, 0, 1]);
      await page.getByTestId('enter-ar').click();
      await waitForTestState(page, (s) => s.ar.sessionActive, 'the AR session to start');
      await placeOnOpenFloor(page);
      await selectPartWithRay(page, padsAim, 'brake-pads');

      const card = await waitForTestState(page, (s) => s.orders.partCard !== null, 'the part card');
      expect(card.orders.partCard).toEqual({ partId: 'brake-pads', sku: 'WC-PAD-01', stock: 50, inAr: true });
      expect(card.ar.placed).toBe(true);
      // In the headset the card is a 3D sheet, pressed with the controller's ray (the page is inert).
      const sheet = await waitForTestState(page, (s) => s.ar.hud?.shown?.id === 'part' && s.ar.hud.shown.buttons.some((button) => button.id === 'part:add'), 'the part card sheet');
      expect(sheet.ar.hud!.shown!.texts.join(' ')).toMatch(/Brake pads \(axle set\)[\s\S]*WC-PAD-01[\s\S]*€[\s\S]*In stock \(50\)/);
      expect(sheet.ar.hud!.shown!.buttons.find((button) => button.id === 'part:add')?.label).toBe('Add 1 × Brake pads (axle set) — €45.90');
      await pressHud(page, 'qty:more', (s) => s.ar.hud?.shown?.texts.includes('Quantity: 2') ?? false);
      expect((await readTestState(page)).ar.hud!.shown!.buttons.find((button) => button.id === 'part:add')?.label, 'the add button names what it adds').toBe('Add 2 × Brake pads (axle set) — €91.80');
      await pressHud(page, 'part:add', (s) => s.orders.cartCount === 2);
      await waitForTestState(page, (s) => s.ar.hud?.shown?.texts.includes('Added 2 × Brake pads (axle set) to your cart.') ?? false, 'the added note on the sheet');
      await screenshot(page, 'orders-ar-part-card');

      await pressHud(page, 'ar:leave', (s) => !s.ar.sessionActive);
      await page.setViewportSize({ width: 1000, height: 760 });
      await page.getByRole('link', { name: 'Cart, 2 items' }).click();
      await page.getByTestId('cart-lines').getByText('Brake pads (axle set)', { exact: true }).waitFor();
      await page.getByTestId('go-checkout').click();

      await page.getByRole('heading', { level: 1, name: 'Checkout' }).waitFor();
      await fillAddress(page, { name: 'Tomás Técnico', street: 'Calle de Alcalá 10', city: 'Madrid', postalCode: '28014', country: 'Spain' });
      await page.getByTestId('place-order').click();

      await page.getByRole('heading', { level: 1, name: /Thank you! Order XR-\d{6} is placed\./ }).waitFor();
      const number = await page.getByTestId('order-number').innerText();
      expect(await page.getByTestId('order-status').innerText()).toBe('Placed');
      const orderId = await page.locator('[data-order-id]').getAttribute('data-order-id');
      expect(orderId).toBeTruthy();
      await waitForTestState(page, (s) => s.orders.cartCount === 0, 'the ordered pads to leave the cart');
      await screenshot(page, 'orders-ar-confirmation');

      const tech = await signIn(e2e.server, 'tech@demo.local');
      const stored = await tech.get<{ order: { number: string; status: string; origin: string | null; items: Array<{ sku: string; quantity: number }> } }>(`/api/orders/${orderId}`);
      expect(stored.body.order).toMatchObject({ number, status: 'placed', origin: 'page', items: [{ sku: 'WC-PAD-01', quantity: 2 }] });

      await page.evaluate(() => ((window as unknown as { __notReloaded: boolean }).__notReloaded = true));
      const admin = await signIn(e2e.server, 'admin@demo.local');
      const moved = await admin.request('PATCH', `/api/orders/${orderId}`, { status: 'confirmed' });
      expect(moved.status).toBe(200);
      await page.getByTestId('order-status').filter({ hasText: 'Confirmed' }).waitFor();
      expect(await page.evaluate(() => (window as unknown as { __notReloaded?: boolean }).__notReloaded)).toBe(true);
      const state = await readTestState(page);
      expect(state.orders.orders).toContainEqual(expect.objectContaining({ id: orderId, number, status: 'confirmed' }));

      await page.getByRole('link', { name: 'All orders' }).click();
      const row = page.locator(`[data-order-id="${orderId}"]`);
      await row.getByText('Confirmed').waitFor();
      await admin.request('PATCH', `/api/orders/${orderId}`, { status: 'shipped' });
      await row.getByText('Shipped').waitFor();
      await screenshot(page, 'orders-ar-history-live');

      // Back in AR: the part card's own checkout in the headset (to the address saved above) places an AR order.
      await page.setViewportSize(AR_VIEWPORT);
      await page.goto(`${e2e.server.url}/products/wheel-corner`);
      await page.getByRole('heading', { level: 1, name: /wheel corner/i }).waitFor();
      await setHeadPose(page, [0, 1.6, 0], [0, 0, 0, 1]);
      await page.getByTestId('enter-ar').click();
      await waitForTestState(page, (s) => s.ar.sessionActive, 'the AR session to start again');
      await placeOnOpenFloor(page);
      await selectPartWithRay(page, padsAim, 'brake-pads');
      await waitForTestState(page, (s) => s.ar.hud?.shown?.id === 'part' && s.ar.hud.shown.buttons.some((button) => button.id === 'part:add'), 'the part card sheet again');
      await pressHud(page, 'part:add', (s) => s.orders.cartCount === 1);
      await pressHud(page, 'cart:order', (s) => s.ar.hud?.shown?.buttons.some((button) => button.id === 'checkout:place' && button.enabled) ?? false);
      const ordered = await pressHud(page, 'checkout:place', (s) => s.orders.orders.some((order) => order.id !== orderId));
      const arOrder = ordered.orders.orders.find((order) => order.id !== orderId)!;
      const inAr = await tech.get<{ order: { origin: string | null; items: Array<{ sku: string; quantity: number }> } }>(`/api/orders/${arOrder.id}`);
      expect(inAr.body.order).toMatchObject({ origin: 'ar', items: [{ sku: 'WC-PAD-01', quantity: 1 }] });
    } finally {
      await context.close();
    }
  });
});
