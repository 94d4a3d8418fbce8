// Stores a guide received from an author (or built from a session) as a new version, after checking it fully.
import type { Kysely, Transaction } from 'kysely';
import { parseGuide } from '../../core/guide-validation.ts';
import { AppError } from '../../core/errors.ts';
import type { ErrorIssue } from '../../core/ack.ts';
import type { Guide } from '../../core/guide.ts';
import type { GuideCreatedResponse, GuideStatus } from '../../core/guide-version.ts';
import type { Database } from '../db/schema.ts';
import { partIdsOfProduct } from '../catalog/catalog-repository.ts';
import { insertGuideVersion, productOfGuide } from './guide-repository.ts';

const productIdOf = (input: unknown): string | null =>
  typeof input === 'object' && input !== null && 'productId' in input && typeof input.productId === 'string' ? input.productId : null;

function invalid(issues: ErrorIssue[]): AppError {
  const shown = issues.slice(0, 3).map((issue) => `${issue.path}: ${issue.message}`);
  const more = issues.length > shown.length ? ` (and ${issues.length - shown.length} more)` : '';
  return new AppError('bad_request', `The guide is not valid — ${shown.join('; ')}${more}`, issues, { reason: 'guide.invalid', params: { count: issues.length } });
}

/** Validates `input` as a Guide against its product's parts: 400 with every issue (path and message name the step and field). */
export async function checkGuide(db: Kysely<Database> | Transaction<Database>, input: unknown): Promise<Guide> {
  const productId = productIdOf(input);
  const partIds = productId === null ? new Set<string>() : await partIdsOfProduct(db, productId);
  if (!partIds) throw invalid([{ path: 'productId', message: `there is no product "${String(productId)}" in the catalog` }]);
  const parsed = parseGuide(input, partIds);
  if (!parsed.ok) throw invalid(parsed.issues);
  return parsed.guide;
}

/** Checks `input` and stores it as the next version of its id; 409 when the id already belongs to another product. */
export async function saveGuide(db: Kysely<Database> | Transaction<Database>, input: unknown, status: GuideStatus, createdBy: string | null): Promise<GuideCreatedResponse> {
  const guide = await checkGuide(db, input);
  const owner = await productOfGuide(db, guide.id);
  if (owner !== null && owner !== guide.productId) {
    throw new AppError('conflict', `Guide "${guide.id}" belongs to product "${owner}"; choose another id for a guide of "${guide.productId}".`, [
      { path: 'productId', message: `must be "${owner}" for guide "${guide.id}"` },
    ]);
  }
  const version = await insertGuideVersion(db, guide, status, createdBy);
  return { id: guide.id, version, status };
}
