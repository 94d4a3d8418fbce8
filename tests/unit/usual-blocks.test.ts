// The headset's "Your usual?" sheet in words, in English and Spanish: what one press orders and where it goes, the
// order's number and live status, and each problem said so the person knows what to do (finish it on the page).
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Order, UsualItem } from '../../core/order.ts';
import en from '../../client/src/i18n/locales/en/orders.json';
import es from '../../client/src/i18n/locales/es/orders.json';
import type { PanelBlock } from '../../client/src/three/panel-layout.ts';
import type { UsualTap } from '../../client/src/orders/usual/usual-store.ts';
import { USUAL_DONE, orderAgainButton, orderAgainSku, usualBlocks } from '../../client/src/orders/usual/three/usual-blocks.ts';

beforeAll(async () => {
  await i18next.init({ resources: { en: { orders: en }, es: { orders: es } }, lng: 'en', fallbackLng: false, defaultNS: 'orders', interpolation: { escapeValue: false } });
});

const BERLIN = { name: 'Carmen Customer', street: 'Unter den Linden 5', city: 'Berlin', postalCode: '10117', country: 'DE' };
const FILTER: UsualItem = {
  sku: 'EM-FLT-01',
  name: { en: 'Water filter cartridge', es: 'Cartucho de filtro de agua' },
  quantity: 2,
  timesOrdered: 2,
  lastOrderedAt: 1,
  unitPriceCents: 1290,
  stock: 40,
  last: { number: 'XR-000002', orderedAt: 1, quantity: 3, address: BERLIN },
};
const IDLE: UsualTap = { busy: false, order: null, problem: null };
const ORDER = { id: 'o1', number: 'XR-000003', status: 'confirmed' } as Order;

const t = (): TFunction<'orders'> => i18next.getFixedT(null, 'orders');
const words = (blocks: PanelBlock[]) =>
  blocks.flatMap((block) => {
    if (block.kind === 'title' || block.kind === 'note' || block.kind === 'value') return [block.text];
    if (block.kind === 'text') return [block.segments.map((segment) => segment.text).join('')];
    return [];
  });
const buttons = (blocks: PanelBlock[]) => blocks.flatMap((block) => (block.kind === 'buttons' ? block.buttons.map((b) => `${b.id} ${b.label}${b.enabled ? '' : ' (off)'}`) : []));
const sheet = (item: UsualItem, tap: UsualTap = IDLE, language: 'en' | 'es' = 'en') => usualBlocks({ items: [item], tapOf: () => tap, language, t: t() });

describe('the headset’s usual sheet', () => {
  it('says what one press orders, where it goes and its stock; Order again and Not now', async () => {
    await i18next.changeLanguage('en');
    const blocks = sheet(FILTER);
    expect(words(blocks)).toEqual(['Your usual?', 'Water filter cartridge', 'SKU EM-FLT-01 · 3 × €12.90 = €38.70', 'In stock (40)', 'Goes to: Carmen Customer, Unter den Linden 5, 10117 Berlin, Germany']);
    expect(buttons(blocks)).toEqual(['usual:order:EM-FLT-01 Order again', 'usual:done Not now']);
    expect(orderAgainSku(orderAgainButton('EM-FLT-01'))).toBe('EM-FLT-01');
    expect(orderAgainSku(USUAL_DONE)).toBeNull();
  });

  it('names each part on its button when there are several', async () => {
    await i18next.changeLanguage('en');
    const pads = { ...FILTER, sku: 'WC-PAD-01', name: { en: 'Brake pads', es: 'Pastillas de freno' } };
    expect(buttons(usualBlocks({ items: [FILTER, pads], tapOf: () => IDLE, language: 'en', t: t() }))).toEqual([
      'usual:order:EM-FLT-01 Order again: Water filter cartridge',
      'usual:order:WC-PAD-01 Order again: Brake pads',
      'usual:done Not now',
    ]);
  });

  it('says the order’s number and live status once placed, and Continue', async () => {
    await i18next.changeLanguage('en');
    expect(buttons(sheet(FILTER, { ...IDLE, busy: true }))).toEqual(['usual:order:EM-FLT-01 Ordering… (off)', 'usual:done Not now (off)']);
    const blocks = sheet(FILTER, { ...IDLE, order: ORDER });
    expect(words(blocks).slice(-2)).toEqual(['Ordered: order XR-000003.', 'Status: Confirmed']);
    expect(buttons(blocks)).toEqual(['usual:done Continue']);
  });

  it('says what stops an order, and to finish it on the page when the headset cannot', async () => {
    await i18next.changeLanguage('en');
    const noAddress = sheet({ ...FILTER, last: { ...FILTER.last, address: null } });
    expect(words(noAddress)).toContain('We have no delivery address from last time. Finish this order on the page: leave AR and order it from your cart.');
    expect(buttons(noAddress)[0]).toBe('usual:order:EM-FLT-01 Order again (off)');
    expect(words(sheet({ ...FILTER, stock: 0 }))).toContain('Water filter cartridge is out of stock.');
    expect(words(sheet({ ...FILTER, stock: 1 }))).toContain('Only 1 left, fewer than the 3 you ordered last time. Finish this order on the page: leave AR and order it from your cart.');
    const refused = sheet(FILTER, { ...IDLE, problem: { kind: 'shortage', lines: [{ index: 0, left: 0 }] } });
    expect(words(refused)).toContain('Water filter cartridge is out of stock.');
    expect(buttons(refused)[0]).toBe('usual:order:EM-FLT-01 Order again (off)');
    const offline = sheet(FILTER, { ...IDLE, problem: { kind: 'network' } });
    expect(words(offline)).toContain("We couldn't reach the server.");
    expect(buttons(offline)[0]).toBe('usual:order:EM-FLT-01 Order again');
  });

  it('speaks Spanish with tú', async () => {
    await i18next.changeLanguage('es');
    const blocks = sheet(FILTER, IDLE, 'es');
    expect(words(blocks)).toEqual(['¿Lo de siempre?', 'Cartucho de filtro de agua', 'Referencia EM-FLT-01 · 3 × 12,90\u00a0€ = 38,70\u00a0€', 'En existencias (40)', 'Se envía a: Carmen Customer, Unter den Linden 5, 10117 Berlin, Alemania']);
    expect(buttons(blocks)).toEqual(['usual:order:EM-FLT-01 Pedir otra vez', 'usual:done Ahora no']);
    expect(buttons(sheet(FILTER, { ...IDLE, order: ORDER }, 'es'))).toEqual(['usual:done Continuar']);
    expect(words(sheet({ ...FILTER, last: { ...FILTER.last, address: null } }, IDLE, 'es'))).toContain(
      'No tenemos la dirección de entrega de la última vez. Termina este pedido en la página: sal de la RA y pídelo desde tu carrito.',
    );
  });
});
