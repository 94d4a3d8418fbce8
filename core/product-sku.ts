// How a product in a chosen variant is ordered: one SKU per variant, e.g. `WC-FRONT-01-BLACK`.
export function variantSku(productSku: string, variantId: string): string {
  return `${productSku}-${variantId.toUpperCase()}`;
}
