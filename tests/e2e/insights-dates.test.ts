// The Insights period in the app's language, not the browser's: in an American-English browser with the app set to
// Spanish, "Desde" and "Hasta" ask for dd/mm/aaaa (a native date input said mm/dd/yyyy), a day typed that way filters
// the figures from that day, and a day that does not exist is refused in Spanish. The product filter names products
// (it listed ids such as "wheel-corner"). The fields are named by their label alone (the format is their description),
// a period with no runs says so instead of drawing an empty chart, and one that ends before it starts is refused in words. Screenshots at 390×844 and 1280×800.
import { describe, expect, it } from 'vitest';
import { openPage, screenshot, signInThroughUi } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';

const e2e = useServerAndBrowser();

describe('the Insights period', () => {
  it('is written and read as dd/mm/aaaa in Spanish in an en-US browser, beside products by name', { timeout: 90_000 }, async () => {
    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/`, { viewport: { width: 390, height: 844 }, locale: 'en-US' });
    try {
      await signInThroughUi(page, e2e.server.url, 'operator@demo.local', '/insights');
      await page.getByLabel('Language', { exact: true }).selectOption('es');
      await page.getByRole('heading', { level: 1, name: 'Análisis' }).waitFor();
      const products = () => page.getByRole('combobox', { name: 'Producto' }).locator('option').allInnerTexts();
      await expect.poll(products).toContain('Conjunto de rueda delantera');
      expect(await products()).not.toContain('wheel-corner');
      const from = page.getByRole('textbox', { name: 'Desde', exact: true });
      const to = page.getByRole('textbox', { name: 'Hasta', exact: true });
      for (const field of [from, to]) {
        expect(await field.getAttribute('placeholder')).toBe('dd/mm/aaaa');
        expect(await field.getAttribute('type')).toBe('text');
      }

      const asked = page.waitForRequest((request) => request.url().includes('/api/insights?') && new URL(request.url()).searchParams.get('from') !== null);
      await from.fill('1/12/2026');
      await from.press('Enter');
      const query = new URL((await asked).url()).searchParams;
      expect(Number(query.get('from')), 'the figures start on 1 December 2026').toBe(Date.UTC(2026, 11, 1));
      await from.blur();
      expect(await from.inputValue()).toBe('1/12/2026');
      await screenshot(page, 'insights-dates-390-es');

      // A period no one worked in says so instead of drawing an empty grid.
      await from.fill('1/1/2001');
      await from.press('Enter');
      await to.fill('31/1/2001');
      await to.press('Enter');
      await page.getByText('Nadie ha hecho esta guía en este periodo, así que no hay tiempos que mostrar.').waitFor();
      expect(await page.getByTestId('insights-chart').count()).toBe(0);
      // A period that ends before it starts is refused in words, not sent.
      await from.fill('1/12/2026');
      await from.press('Enter');
      await page.getByRole('alert').filter({ hasText: '«Desde» es posterior a «Hasta».' }).waitFor();
      await to.fill('31/12/2026');
      await to.press('Enter');
      await expect.poll(() => page.getByRole('alert').filter({ hasText: '«Desde» es posterior' }).count()).toBe(0);

      await to.fill('31/02/2026');
      await to.press('Enter');
      await page.getByText('Escribe el día como dd/mm/aaaa, por ejemplo 31/12/2026.').waitFor();
      expect(await to.getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByText('El servidor no ha podido aceptarlo', { exact: false }).count(), 'no period was sent that the server refuses').toBe(0);
      await page.setViewportSize({ width: 1280, height: 800 });
      await screenshot(page, 'insights-dates-1280-es');
    } finally {
      await context.close();
    }
  });
});
