// Puts the parts a guide or a step needs into the cart, with the orders feature's button.
import type { ProductDetail } from '../../../core/catalog.ts';
import type { PartQuantity } from '../../../core/guide.ts';
import { AddPartsButton } from '../orders/add-parts-button.tsx';

export function PartsButton({ product, parts }: { product: ProductDetail; parts: readonly PartQuantity[] }) {
  return <AddPartsButton product={product} items={parts.map(({ partId, quantity }) => ({ partId, quantity }))} />;
}
