// What a product needs to open and run its guides offline: its data, model, guides and media, and the app code and XR
// input profiles those load; read from the server while online.
import { ProductDetailSchema, type ProductDetail } from '../../../core/catalog.ts';
import { GuideDetailResponseSchema, GuideListResponseSchema, type GuideDetailResponse } from '../../../core/guide-version.ts';
import { z } from 'zod';
import { apiGet } from '../api/http.ts';
import { OFFLINE_CODE_LIST } from '../offline/offline-contract.ts';

export interface PackageContents {
  urls: string[];
  modelUrl: string;
  guides: Record<string, number>;
}

const CodeListSchema = z.object({ files: z.array(z.string()) });
const encode = encodeURIComponent;

/** The product's own data, model and thumbnail; its guides (list and the published version of each) and their media. */
export function productUrls(product: ProductDetail, guides: readonly GuideDetailResponse[]): string[] {
  const media = guides.flatMap(({ guide }) => guide.steps.flatMap((step) => (step.media ? [step.media.url] : [])));
  return [
    `/api/products/${encode(product.id)}`,
    `/api/guides?productId=${encode(product.id)}`,
    ...guides.map(({ guide }) => `/api/guides/${encode(guide.id)}`),
    product.modelUrl,
    product.thumbnailUrl,
    ...media,
  ];
}

export async function readPackageContents(productId: string): Promise<PackageContents> {
  const product = await apiGet(`/api/products/${encode(productId)}`, ProductDetailSchema);
  const { guides: listed } = await apiGet(`/api/guides?productId=${encode(productId)}`, GuideListResponseSchema);
  const guides = await Promise.all(listed.map((summary) => apiGet(`/api/guides/${encode(summary.id)}`, GuideDetailResponseSchema)));
  const built = CodeListSchema.parse(await (await fetch(OFFLINE_CODE_LIST, { cache: 'no-cache' })).json()).files;
  const urls = [...productUrls(product, guides), ...built];
  return {
    urls: [...new Set(urls)],
    modelUrl: product.modelUrl,
    guides: Object.fromEntries(guides.map(({ guide, version }) => [guide.id, version])),
  };
}
