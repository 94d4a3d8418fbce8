// Product names by id from the catalog, for the agent's queue and tabs and the Insights filter (falls back to the id while loading).
import type { ProductSummary } from '../../../core/catalog.ts';
import type { Language } from '../../../core/languages.ts';
import { apiFetch } from '../api/http.ts';
import { useResource } from '../components/use-resource.ts';

export function useProductNames(language: Language): (productId: string) => string {
  const catalog = useResource((signal) => apiFetch<{ products: ProductSummary[] }>('/api/products', signal), []);
  return (productId) => (catalog.status === 'ready' ? catalog.data.products.find((product) => product.id === productId)?.name[language] : undefined) ?? productId;
}
