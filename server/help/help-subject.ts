// What a help request is about, named for the agent: the product's name from the catalog and the unit as a person reads it.
import type { LocalizedText } from '../../core/i18n.ts';
import { HelpSubjectSchema, type HelpContext, type HelpSubject } from '../../core/help.ts';
import { unitName } from '../../core/installed-unit.ts';

/** `productData` is the product's stored manifest (`products.data`); a product gone from the catalog is named by its id. */
export function helpSubject(productId: string, productData: string | null, context: HelpContext): HelpSubject {
  const productName = productData === null ? { en: productId, es: productId } : (JSON.parse(productData) as { name: LocalizedText }).name;
  return HelpSubjectSchema.parse({ productName, unit: context.installedAssetId ? unitName(productId, context.installedAssetId) : null });
}
