// Saved delivery addresses at checkout: with a full address book (20) "save this address" is off and says why; a saved
// address is deleted with its own button (named after the address, for screen readers and voice control), the server's
// book loses it, and the new address can then be saved with the order.
import { describe, expect, it } from 'vitest';
import type { SavedAddress } from '../../core/order.ts';
import { MAX_SAVED_ADDRESSES } from '../../core/order-limits.ts';
import { openPage, screenshot } from '../support/browser.ts';
import { seriousViolations } from '../support/axe.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { signIn } from '../support/orders-api.ts';
import { fillAddress, signInThroughUi } from '../support/orders-e2e.ts';

const e2e = useServerAndBrowser();

describe('saved addresses at checkout', () => {
  it('says the book is full, deletes a saved address from its own button, and then saves the new one with the order', async () => {
    const customer = await signIn(e2e.server, 'customer@demo.local');
    for (let n = 1; n <= MAX_SAVED_ADDRESSES; n += 1) {
      expect((await customer.request('POST', '/api/addresses', { name: 'Carmen Customer', street: `Calle Mayor ${n}`, city: 'Madrid', postalCode: '28013', country: 'ES' })).status).toBe(201);
    }
    expect((await customer.request('POST', '/api/cart/items', { sku: 'WC-PAD-01', quantity: 1 })).status).toBe(200);

    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/`, { viewport: { width: 390, height: 844 } });
    try {
      await signInThroughUi(page, e2e.server.url, 'customer@demo.local', '/checkout');
      await page.getByRole('radio', { name: 'A new address' }).check();
      const remember = page.getByRole('checkbox', { name: 'Save this address for next time' });
      expect(await remember.isDisabled()).toBe(true);
      expect(await remember.isChecked()).toBe(false);
      await page.getByText('You have 20 saved addresses, the most there can be: delete one above to save this one.').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'checkout-address-book-full-phone-en');

      await page.getByRole('button', { name: 'Delete the saved address Carmen Customer, Calle Mayor 7, 28013 Madrid, Spain', exact: true }).click();
      await page.getByRole('radio', { name: /Calle Mayor 7,/ }).waitFor({ state: 'detached' });
      const book = (await customer.get<{ addresses: SavedAddress[] }>('/api/addresses')).body.addresses;
      expect(book).toHaveLength(MAX_SAVED_ADDRESSES - 1);
      expect(book.map((address) => address.street)).not.toContain('Calle Mayor 7');
      expect(await remember.isDisabled()).toBe(false);
      await remember.check();

      await fillAddress(page, { name: 'Carmen Customer', street: 'Gran Vía 12', city: 'Madrid', postalCode: '28013', country: 'Spain' });
      await page.getByTestId('place-order').click();
      await page.waitForURL(/\/orders\//);
      const after = (await customer.get<{ addresses: SavedAddress[] }>('/api/addresses')).body.addresses;
      expect(after.map((address) => address.street)).toContain('Gran Vía 12');
      expect(after).toHaveLength(MAX_SAVED_ADDRESSES);
    } finally {
      await context.close();
    }
  });
});
