// Seeds the shipped guides (assets/guides/*.json) as version 1 when their id is not stored yet; safe on every start.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { AppError } from '../../core/errors.ts';
import type { Database } from '../db/schema.ts';
import { checkGuide } from './guide-authoring.ts';
import { partIdsOfProduct } from '../catalog/catalog-repository.ts';
import { hasGuide, insertFirstVersion } from './guide-repository.ts';

async function readGuideFiles(dir: string): Promise<Array<{ file: string; input: unknown }>> {
  const files = await fs.readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  const jsonFiles = files.filter((file) => file.endsWith('.json')).sort();
  return Promise.all(jsonFiles.map(async (file) => ({ file, input: JSON.parse(await fs.readFile(path.join(dir, file), 'utf8')) as unknown })));
}

/** A guide whose product is not in the catalog, or that does not validate, is skipped with a log line. */
export async function seedGuides(db: Kysely<Database>, assetsDir: string, log: Logger): Promise<void> {
  for (const { file, input } of await readGuideFiles(path.join(assetsDir, 'guides'))) {
    const { id, productId } = (input ?? {}) as { id?: unknown; productId?: unknown };
    if (typeof id !== 'string' || typeof productId !== 'string') {
      log.error({ file }, 'seed guide has no id or productId; skipped');
      continue;
    }
    if (await hasGuide(db, id)) continue;
    if (!(await partIdsOfProduct(db, productId))) {
      log.warn({ file, productId }, 'seed guide skipped: its product is not in the catalog');
      continue;
    }
    try {
      await insertFirstVersion(db, await checkGuide(db, input));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      log.error({ file, issues: error.issues }, `seed guide skipped: ${error.message}`);
    }
  }
}
