// A product's name from its stored manifest (`products.data`); a product gone from the catalog is named by its id.
import type { LocalizedText } from '../../core/i18n.ts';

export const productName = (data: string | null | undefined, id: string): LocalizedText => (data ? (JSON.parse(data) as { name: LocalizedText }).name : { en: id, es: id });
