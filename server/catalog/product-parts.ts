// Part ids of each product, read from the catalog and kept a while, to refuse annotations and pings on parts that do not
// exist. Studio may publish on another node: an unknown part is looked up again (at most once a second per product),
// and what is kept is read again after a minute, so parts added or removed there are seen here without a restart.
import type { Kysely } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type { Database } from '../db/schema.ts';
import { partIdsOfProduct } from './catalog-repository.ts';

const KEEP_MS = 60_000;
const RECHECK_MISS_MS = 1000;

export interface ProductParts {
  requirePart(productId: string, partId: string): Promise<void>;
  /** Reads the product's parts again on next use (after Studio published it on this node). */
  forget(productId: string): void;
}

interface Kept {
  ids: Promise<Set<string>>;
  readAt: number;
}

export function createProductParts(db: Kysely<Database>): ProductParts {
  const cache = new Map<string, Kept>();
  const read = (productId: string): Kept => {
    const ids = partIdsOfProduct(db, productId).then((found) => {
      if (!found) cache.delete(productId);
      return found ?? new Set<string>();
    });
    ids.catch(() => cache.delete(productId));
    const kept = { ids, readAt: Date.now() };
    cache.set(productId, kept);
    return kept;
  };
  const keptOf = (productId: string): Kept => {
    const kept = cache.get(productId);
    return kept && Date.now() - kept.readAt < KEEP_MS ? kept : read(productId);
  };
  return {
    forget(productId) {
      cache.delete(productId);
    },
    async requirePart(productId, partId) {
      const kept = keptOf(productId);
      if ((await kept.ids).has(partId)) return;
      if (Date.now() - kept.readAt >= RECHECK_MISS_MS && cache.get(productId) === kept && (await read(productId).ids).has(partId)) return;
      throw new AppError('bad_request', `"${partId}" is not a part of ${productId}.`, [{ path: 'partId', message: 'unknown part' }]);
    },
  };
}
