// Part ids kept by a node see a product Studio republished on another node, without a restart.
import { afterEach, expect, it } from 'vitest';
import type { Part, ProductManifest } from '../../core/catalog.ts';
import { saveImportedProduct } from '../../server/catalog/imported-products.ts';
import { createProductParts } from '../../server/catalog/product-parts.ts';
import { openStore, type Store } from '../../server/db/database.ts';
import { makeDataDir } from '../support/test-server.ts';

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const name = { en: 'Thing', es: 'Cosa' };
const manifest: Omit<ProductManifest, 'parts'> & { imported: { version: number } } = {
  id: 'kept-grinder',
  name,
  description: name,
  productLine: 'coffee',
  placement: 'floor',
  dimensions: { width: 0.2, height: 0.4, depth: 0.2 },
  priceCents: 1000,
  sku: 'KG-1',
  model: 'model.glb',
  variants: [{ id: 'standard', name: { en: 'Standard', es: 'Estándar' }, color: '#808080' }],
  landmarks: [],
  imported: { version: 1 },
};
const part = (id: string): Part => ({ id, sku: `KG-1-${id.toUpperCase()}`, name, priceCents: 0, stock: 0, consumable: false });

it('accepts a part published on another node once it is there, and still refuses parts that are not', async () => {
  store = await openStore({ dataDir: makeDataDir() });
  const opened = store;
  await opened.write((trx) => saveImportedProduct(trx, manifest, [part('body')]));
  const otherNode = createProductParts(opened.db);
  await otherNode.requirePart('kept-grinder', 'body');

  await opened.write((trx) => saveImportedProduct(trx, { ...manifest, imported: { version: 2 } }, [part('body'), part('lid')]));
  await sleep(1100);
  await expect(otherNode.requirePart('kept-grinder', 'lid')).resolves.toBeUndefined();
  await expect(otherNode.requirePart('kept-grinder', 'ghost')).rejects.toThrow(/not a part of kept-grinder/);
});
