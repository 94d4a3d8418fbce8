// Part ids of each product, read once from the catalog, to refuse annotations and pings on parts that do not exist.
import type { Kysely } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type { Database } from '../db/schema.ts';
import { partIdsOfProduct } from './catalog-repository.ts';

export interface ProductParts {
  requirePart(productId: string, partId: string): Promise<void>;
  /** Reads the product's parts again on next use (after Studio published it). */
  forget(productId: string): void;
}

export function createProductParts(db: Kysely<Database>): ProductParts {
  const cache = new Map<string, Promise<Set<string>>>();
  const partsOf = (productId: string) => {
    let parts = cache.get(productId);
    if (!parts) {
      parts = partIdsOfProduct(db, productId).then((ids) => {
        if (!ids) cache.delete(productId);
        return ids ?? new Set<string>();
      });
      parts.catch(() => cache.delete(productId));
      cache.set(productId, parts);
    }
    return parts;
  };
  return {
    forget(productId) {
      cache.delete(productId);
    },
    async requirePart(productId, partId) {
      if (!(await partsOf(productId)).has(partId)) throw new AppError('bad_request', `"${partId}" is not a part of ${productId}.`, [{ path: 'partId', message: 'unknown part' }]);
    },
  };
}
