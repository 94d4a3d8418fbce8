// What a help request is about, named for the agent: the product's name from the catalog and the unit as a person reads it.
import { HelpSubjectSchema, type HelpContext, type HelpSubject } from '../../core/help.ts';
import { unitName } from '../../core/installed-unit.ts';
import { productName } from '../catalog/product-name.ts';

/** `productData` is the product's stored manifest (`products.data`), null when the catalog no longer has it. */
export function helpSubject(productId: string, productData: string | null, context: HelpContext): HelpSubject {
  return HelpSubjectSchema.parse({ productName: productName(productData, productId), unit: context.installedAssetId ? unitName(productId, context.installedAssetId) : null });
}
