// Stale packages: a downloaded product whose model or a guide's published version changed is stored again (online).
import { ProductDetailSchema } from '../../../core/catalog.ts';
import { GuideListResponseSchema } from '../../../core/guide-version.ts';
import { apiGet } from '../api/http.ts';
import type { PackageRecord } from './package-record.ts';
import { packages } from './packages.ts';

export async function isStale(record: PackageRecord): Promise<boolean> {
  const id = encodeURIComponent(record.productId);
  const product = await apiGet(`/api/products/${id}`, ProductDetailSchema);
  const { guides } = await apiGet(`/api/guides?productId=${id}`, GuideListResponseSchema);
  const changed = guides.some((guide) => record.guides[guide.id] !== guide.version);
  return product.modelUrl !== record.modelUrl || changed || guides.length !== Object.keys(record.guides).length;
}

/** Run when the app starts online: resolves to the products stored again. */
export function refreshStalePackages(): Promise<string[]> {
  return packages.refreshStale((record) => isStale(record).catch(() => false));
}
