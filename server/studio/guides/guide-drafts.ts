// The guide editor's service: open a guide (or a session's draft) as an editable draft, save it on the revision it was
// made on, publish it as a new version when the validator finds nothing, list versions and tell two of them apart.
import type { ErrorIssue } from '../../../core/ack.ts';
import type { User } from '../../../core/auth.ts';
import { AppError } from '../../../core/errors.ts';
import { diffGuides } from '../../../core/guide-diff.ts';
import type { GuideDraft } from '../../../core/guide-editing.ts';
import { parseGuide } from '../../../core/guide-validation.ts';
import { GUIDE_FORMAT_VERSION } from '../../../core/guide.ts';
import { getProduct, partIdsOfProduct } from '../../catalog/catalog-repository.ts';
import { saveGuide } from '../../guides/guide-authoring.ts';
import { findGuide, listLatestGuides, productOfGuide } from '../../guides/guide-repository.ts';
import type { AppContext } from '../../platform/context.ts';
import { draftsOfProduct, findDraft, insertDraft, saveDraftOn, type StoredDraft } from './guide-draft-repository.ts';

const EMPTY = { en: '', es: '' };

/** What a new guide starts as: one empty step, so the editor has something to fill in. */
function blankGuide(id: string, productId: string): Record<string, unknown> {
  return { formatVersion: GUIDE_FORMAT_VERSION, id, productId, title: EMPTY, summary: EMPTY, estimatedMinutes: 10, languages: ['en', 'es'], steps: [{ id: 'step-1', title: EMPTY, text: EMPTY }] };
}

function changedSince(current: StoredDraft): AppError {
  const who = current.updatedBy?.name ?? 'Someone';
  return new AppError(
    'conflict',
    `${who} saved this guide since you opened it (now revision ${current.revision}): reload it to see their changes, then make yours again.`,
    [{ path: 'revision', message: `the draft is at revision ${current.revision}, saved by ${who}` }],
    { reason: 'guide.changed-since', params: { name: who, revision: current.revision } },
  );
}

export function createGuideDrafts(ctx: AppContext) {
  const { db } = ctx.store;

  async function issuesOf(productId: string, data: Record<string, unknown>): Promise<ErrorIssue[]> {
    const parsed = parseGuide(data, (await partIdsOfProduct(db, productId)) ?? new Set<string>());
    return parsed.ok ? [] : parsed.issues;
  }

  async function view(draft: StoredDraft): Promise<GuideDraft> {
    const { data, ...rest } = draft;
    return { ...rest, guide: data, issues: await issuesOf(draft.productId, data) };
  }

  async function stored(guideId: string): Promise<StoredDraft> {
    const draft = await findDraft(db, guideId);
    if (!draft) throw new AppError('not_found', `Guide "${guideId}" has no draft: open it in the editor first.`, undefined, { reason: 'guide.no-draft' });
    return draft;
  }

  return {
    /** The draft as it is now, without opening one (a preview reads it); 404 when the guide has none. */
    async read(guideId: string): Promise<GuideDraft> {
      return view(await stored(guideId));
    },

    async open(guideId: string, user: User): Promise<GuideDraft> {
      const existing = await findDraft(db, guideId);
      if (existing) return view(existing);
      const latest = await findGuide(db, guideId, { includeDrafts: true });
      if (!latest) throw new AppError('not_found', `There is no guide "${guideId}".`, undefined, { reason: 'guide.not-found' });
      const published = await findGuide(db, guideId);
      const row = { guide_id: guideId, product_id: latest.guide.productId, data: JSON.stringify(latest.guide), revision: 0, based_on_version: published?.version ?? null, updated_by: user.id, updated_at: Date.now() };
      await ctx.store.write((trx) => insertDraft(trx, row));
      return view(await stored(guideId));
    },

    async create(productId: string, guideId: string, user: User): Promise<GuideDraft> {
      if (!(await getProduct(db, productId))) throw new AppError('not_found', `There is no product "${productId}" in the catalog.`);
      const taken = () => new AppError('conflict', `A guide "${guideId}" exists already: open it, or choose another id.`, [{ path: 'id', message: 'taken' }], { reason: 'guide.id-taken' });
      if ((await productOfGuide(db, guideId)) !== null || (await findDraft(db, guideId))) throw taken();
      const row = { guide_id: guideId, product_id: productId, data: JSON.stringify(blankGuide(guideId, productId)), revision: 0, based_on_version: null, updated_by: user.id, updated_at: Date.now() };
      if (!(await ctx.store.write((trx) => insertDraft(trx, row)))) throw taken();
      return view(await stored(guideId));
    },

    async save(guideId: string, revision: number, guide: Record<string, unknown>, user: User): Promise<GuideDraft> {
      const draft = await stored(guideId);
      const fixed = [
        ...(guide.id === guideId ? [] : [{ path: 'guide.id', message: `must be "${guideId}"` }]),
        ...(guide.productId === draft.productId ? [] : [{ path: 'guide.productId', message: `must be "${draft.productId}"` }]),
      ];
      if (fixed.length > 0) throw new AppError('bad_request', `This draft is guide "${guideId}" of "${draft.productId}": its id and product cannot change.`, fixed, { reason: 'guide.id-fixed' });
      const saved = await ctx.store.write((trx) => saveDraftOn(trx, guideId, revision, { data: JSON.stringify(guide), updated_by: user.id, updated_at: Date.now() }));
      if (!saved) throw changedSince(await stored(guideId));
      return view(await stored(guideId));
    },

    async publish(guideId: string, revision: number, user: User): Promise<{ version: number; draft: GuideDraft }> {
      const draft = await stored(guideId);
      if (draft.revision !== revision) throw changedSince(draft);
      const { version } = await ctx.store.write(async (trx) => {
        // The draft row first: on Postgres it stays locked until the commit, so a concurrent save or publish waits and is refused.
        if (!(await saveDraftOn(trx, guideId, revision, { data: JSON.stringify(draft.data), updated_by: user.id, updated_at: Date.now() }))) {
          throw changedSince((await findDraft(trx, guideId)) ?? draft);
        }
        const published = await saveGuide(trx, draft.data, 'published', user.id);
        await trx.updateTable('guide_drafts').set({ based_on_version: published.version }).where('guide_id', '=', guideId).execute();
        return published;
      });
      return { version, draft: await view(await stored(guideId)) };
    },

    async versions(guideId: string) {
      const rows = await db
        .selectFrom('guides')
        .leftJoin('users', 'users.id', 'guides.created_by')
        .select(['guides.version', 'guides.status', 'guides.created_at', 'guides.data', 'users.name'])
        .where('guides.id', '=', guideId)
        .orderBy('guides.version', 'desc')
        .execute();
      if (rows.length === 0) throw new AppError('not_found', `Guide "${guideId}" has no versions yet.`, undefined, { reason: 'guide.not-found' });
      return rows.map((row) => ({
        version: Number(row.version),
        status: row.status as 'published' | 'draft',
        createdAt: Number(row.created_at),
        createdBy: row.name,
        stepCount: (JSON.parse(row.data) as { steps: unknown[] }).steps.length,
      }));
    },

    async diff(guideId: string, from: number, to: number) {
      const [before, after] = await Promise.all([findGuide(db, guideId, { version: from }), findGuide(db, guideId, { version: to })]);
      const missing = before ? to : from;
      if (!before || !after) throw new AppError('not_found', `Guide "${guideId}" has no version ${missing}.`, [{ path: before ? 'to' : 'from', message: `no version ${missing}` }], { reason: 'guide.no-version', params: { version: missing } });
      return { from, to, ...diffGuides(before.guide, after.guide) };
    },

    /** Each guide of a product: its latest published version, the editor's draft, and a newer draft saved from a live session. */
    async list(productId: string) {
      const [published, saved, drafts] = await Promise.all([listLatestGuides(db, 'published', productId), listLatestGuides(db, 'draft', productId), draftsOfProduct(db, productId)]);
      const ids = [...new Set([...published, ...saved].map((stored) => stored.guide.id).concat(drafts.map((draft) => draft.guideId)))].sort();
      return Promise.all(
        ids.map(async (id) => {
          const version = published.find((stored) => stored.guide.id === id);
          const newer = saved.find((stored) => stored.guide.id === id && stored.version > (version?.version ?? 0));
          const draft = drafts.find((candidate) => candidate.guideId === id);
          return {
            id,
            title: version?.guide.title ?? newer?.guide.title ?? null,
            latestVersion: version?.version ?? null,
            savedDraft: newer ? { version: newer.version, createdAt: newer.createdAt } : null,
            draft: draft ? { revision: draft.revision, updatedAt: draft.updatedAt, issueCount: (await issuesOf(productId, draft.data)).length } : null,
          };
        }),
      );
    },
  };
}

export type GuideDrafts = ReturnType<typeof createGuideDrafts>;
