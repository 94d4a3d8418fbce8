// The client's ordering logic without a browser: refusals sorted for people, address checks per field, part ids to SKUs, en/es parity.
import { describe, expect, it } from 'vitest';
import en from '../../client/src/i18n/locales/en/orders.json';
import es from '../../client/src/i18n/locales/es/orders.json';
import { ApiError } from '../../client/src/api/http.ts';
import { RealtimeError } from '../../client/src/realtime/realtime-client.ts';
import { isDefinitiveRefusal, orderProblemOf } from '../../client/src/orders/order-problem.ts';
import { addressProblemsFromIssues, EMPTY_ADDRESS, validateAddress } from '../../client/src/orders/address-validation.ts';
import { toCartItems } from '../../client/src/orders/add-parts-button.tsx';
import { noAnswer } from '../../client/src/i18n/error-text.ts';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix.replace(/_(one|other|many)$/, '')];
  return Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
}

describe('order problems', () => {
  it('reads how many are left per line from an out_of_stock refusal', () => {
    const error = new RealtimeError({
      code: 'out_of_stock',
      message: 'Not enough stock: only 1 of WC-PAD-01 left (you asked for 3); WC-CBU-01 is out of stock (0 left).',
      issues: [
        { path: 'items.0.quantity', message: 'only 1 left' },
        { path: 'items.1.quantity', message: 'only 0 left' },
      ],
    });
    expect(orderProblemOf(error)).toEqual({ kind: 'shortage', lines: [{ index: 0, left: 1 }, { index: 1, left: 0 }] });
    expect(isDefinitiveRefusal(error)).toBe(true);
  });

  it('keeps the attempt’s key after a timeout, a network failure or a key already used, and lets it go after a refusal', () => {
    const timeout = new RealtimeError(noAnswer('timeout'));
    expect(orderProblemOf(timeout)).toEqual({ kind: 'network' });
    expect(isDefinitiveRefusal(timeout)).toBe(false);
    expect(isDefinitiveRefusal(new ApiError(0, noAnswer('network')))).toBe(false);
    const reused = new ApiError(409, { code: 'conflict', message: 'This idempotency key already placed order XR-000001 …', issues: [{ path: 'idempotencyKey', message: 'already used for order XR-000001' }] });
    expect(orderProblemOf(reused)).toEqual({ kind: 'already-placed' });
    expect(isDefinitiveRefusal(reused)).toBe(false);
    const price = new RealtimeError({ code: 'conflict', message: 'Tampered or out-of-date price …', issues: [{ path: 'totalCents', message: 'the total is 91.80 EUR, not 1.00 EUR' }] });
    expect(orderProblemOf(price)).toEqual({ kind: 'price-changed' });
    expect(isDefinitiveRefusal(price)).toBe(true);
    expect(orderProblemOf(new RealtimeError({ code: 'unauthorized', message: 'Please sign in' }))).toEqual({ kind: 'sign-in' });
  });
});

describe('address checks', () => {
  it('names every empty field, then the postal code and country formats, with the server’s own schema', () => {
    expect(validateAddress(EMPTY_ADDRESS).problems).toEqual({
      name: { kind: 'required' },
      street: { kind: 'required' },
      city: { kind: 'required' },
      postalCode: { kind: 'required' },
      country: { kind: 'required' },
    });
    const draft = { name: 'Ana', street: 'Calle Mayor 1', city: 'Madrid', postalCode: '28/013', country: 'XX' };
    expect(validateAddress(draft).problems).toEqual({ postalCode: { kind: 'postal-code' }, country: { kind: 'country' } });
    expect(validateAddress({ ...draft, name: 'x'.repeat(101), postalCode: '28013', country: 'es' }).problems).toEqual({ name: { kind: 'too-long', max: 100 } });
    expect(validateAddress({ ...draft, postalCode: '28013', country: 'es' }).address).toEqual({ ...draft, postalCode: '28013', country: 'ES' });
  });

  it('maps server issues on address fields back to the fields', () => {
    expect(addressProblemsFromIssues([{ path: 'address.city', message: 'is required' }, { path: 'items.0.sku', message: 'unknown' }])).toEqual({ city: { kind: 'server', message: 'is required' } });
  });
});

describe('AddPartsButton items', () => {
  const product = { parts: [{ id: 'brake-pads', sku: 'WC-PAD-01' }, { id: 'caliper-bolt-upper', sku: 'WC-CBU-01' }] };
  it('resolves part ids to SKUs and merges repeated parts', () => {
    expect(toCartItems([{ partId: 'brake-pads', quantity: 1 }, { sku: 'WC-CBU-01', quantity: 2 }, { sku: 'WC-PAD-01', quantity: 1 }], product)).toEqual([
      { sku: 'WC-PAD-01', quantity: 2 },
      { sku: 'WC-CBU-01', quantity: 2 },
    ]);
  });
  it('refuses a part id that is not in the product', () => {
    expect(toCartItems([{ partId: 'no-such-part', quantity: 1 }], product)).toBeNull();
    expect(toCartItems([{ partId: 'brake-pads', quantity: 1 }])).toBeNull();
  });
});

describe('orders translations', () => {
  it('Spanish has every English key and no others', () => {
    expect([...new Set(keys(es))].sort()).toEqual([...new Set(keys(en))].sort());
  });
});
