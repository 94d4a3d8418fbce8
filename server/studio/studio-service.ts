// Studio drafts: created from an upload through the import pipeline, read, edited, split, given a thumbnail, removed.
import { randomUUID } from 'node:crypto';
import { cp, rename, writeFile } from 'node:fs/promises';
import type { FastifyRequest } from 'fastify';
import type { User } from '../../core/auth.ts';
import type { ErrorIssue } from '../../core/ack.ts';
import { AppError } from '../../core/errors.ts';
import { IDENTITY_ORIENTATION, scaleFor, type DraftEdit, type SplitPreview, type SplitRequest, type StudioDraft } from '../../core/studio.ts';
import type { AppContext } from '../platform/context.ts';
import { importModel, readStoredImport, splitModelPart, type ImportLimits, type ImportRefusal, type LengthUnit, type StoredImport, type UploadedFile } from './import/index.ts';
import { draftView, nodeIds, proposedDetails } from './draft-view.ts';
import { findNode } from '../../core/studio.ts';
import { createOneAtATime } from './one-at-a-time.ts';
import { checkThumbnail } from './thumbnail.ts';
import { receiveUpload, removeQuietly, studioPaths } from './studio-files.ts';
import { createStudioRepository, type DraftRow, type DraftState } from './studio-repository.ts';

const UNITS = new Set<LengthUnit>(['m', 'cm', 'mm', 'in', 'ft']);

/** Thrown in words (and with a reason the client translates) for anything the import pipeline refused. */
export function refused(refusal: Omit<ImportRefusal, 'ok'>): AppError {
  return new AppError('bad_request', refusal.message, [{ path: 'files', message: refusal.code }], { reason: `import.${refusal.code}`, params: refusal.params });
}

export function createStudioService(ctx: AppContext) {
  const paths = studioPaths(ctx.config.dataDir);
  const repo = createStudioRepository(ctx.store.db, ctx.store.write);
  const maxBytes = Math.round(ctx.config.studioMaxUploadMb * 1024 * 1024);
  const limits: Partial<ImportLimits> = { maxFileBytes: maxBytes, maxUploadBytes: maxBytes };
  const oneAtATime = createOneAtATime();

  async function load(id: string): Promise<{ row: DraftRow; stored: StoredImport }> {
    const row = await repo.find(id);
    if (!row) throw new AppError('not_found', 'There is no such draft: it may have been deleted.');
    return { row, stored: await readStoredImport(paths.importDir(id)) };
  }

  async function view(id: string): Promise<StudioDraft> {
    const { row, stored } = await load(id);
    return draftView(row, stored);
  }

  async function saveState(row: DraftRow, state: DraftState): Promise<void> {
    await repo.saveState(row.id, state, Math.max(Date.now(), row.updatedAt + 1));
  }

  /** Imports `files` as a new draft; nothing is left behind when the import is refused or the draft cannot be stored. */
  async function createFromFiles(files: UploadedFile[], user: User, unit?: LengthUnit, initial: Partial<DraftState> = {}): Promise<StudioDraft> {
    const id = randomUUID();
    try {
      const result = await importModel(files, { outputDir: paths.importDir(id), limits, ...(unit ? { unit } : {}) });
      if (!result.ok) throw refused(result);
      const now = Date.now();
      const state: DraftState = {
        details: proposedDetails(result.tree, files[0]?.name ?? 'the upload'),
        scale: 1,
        placement: 'floor',
        orientation: { ...IDENTITY_ORIENTATION },
        parts: [],
        landmarks: [],
        hasThumbnail: false,
        ...initial,
      };
      await repo.insert({ id, status: 'draft', productId: null, state, createdBy: user.id, createdAt: now, updatedAt: now, publishedAt: null });
    } catch (error) {
      await removeQuietly(paths.draftDir(id));
      throw error;
    }
    return view(id);
  }

  function checkEdit(edit: DraftEdit, row: DraftRow, stored: StoredImport): DraftState {
    const state: DraftState = { ...row.state };
    if (edit.details) {
      if (row.productId && edit.details.id !== row.productId) throw new AppError('conflict', `This draft is published as "${row.productId}"; a published product keeps its id.`, [{ path: 'details.id', message: 'cannot change after publishing' }]);
      state.details = edit.details;
    }
    if (edit.placement) state.placement = edit.placement;
    if (edit.orientation) state.orientation = edit.orientation;
    if (edit.dimensions === null) state.scale = 1;
    else if (edit.dimensions) {
      const scale = scaleFor(stored.dimensions, state.orientation, edit.dimensions);
      if (scale === null) throw new AppError('bad_request', 'The corrected size must keep the model’s proportions: change one side and let the others follow (the correction fixes a unit, it does not stretch the model).', [{ path: 'dimensions', message: 'not proportional' }]);
      state.scale = scale;
    }
    if (edit.parts) state.parts = edit.parts;
    if (edit.landmarks) state.landmarks = edit.landmarks;
    const issues: ErrorIssue[] = [];
    const keys = nodeIds(stored.tree);
    state.parts.forEach((part, index) => {
      if (!keys.has(part.nodeId)) issues.push({ path: `parts.${index}.nodeId`, message: `the model has no node "${part.nodeId}"` });
    });
    const partIds = new Set(state.parts.map((part) => part.partId));
    state.landmarks.forEach((landmark, index) => {
      if (!partIds.has(landmark.partId)) issues.push({ path: `landmarks.${index}.partId`, message: `"${landmark.partId}" is not one of the parts` });
    });
    if (issues.length > 0) throw new AppError('bad_request', `The edit does not fit the model: ${issues.map((issue) => `${issue.path} ${issue.message}`).join('; ')}.`, issues);
    return state;
  }

  async function storeThumbnail(id: string, bytes: Buffer): Promise<StudioDraft> {
    const { row } = await load(id);
    const target = paths.thumbnail(id);
    await writeFile(`${target}.partial`, bytes);
    await rename(`${target}.partial`, target);
    await saveState(row, { ...row.state, hasThumbnail: true });
    return view(id);
  }

  return {
    db: ctx.store.db,
    paths,
    repo,
    maxBytes,
    oneAtATime,
    limits,
    load,
    view,
    createFromFiles,
    saveState,

    async createFromUpload(request: FastifyRequest, user: User): Promise<StudioDraft> {
      const dir = await paths.newUploadDir();
      try {
        const { files, fields } = await receiveUpload(request, dir, { maxBytes, maxFiles: 64, setting: 'STUDIO_MAX_UPLOAD_MB' });
        const unit = fields.unit as LengthUnit | undefined;
        if (unit !== undefined && !UNITS.has(unit)) throw new AppError('bad_request', 'The unit must be one of m, cm, mm, in, ft.', [{ path: 'unit', message: 'unknown unit' }]);
        return await createFromFiles(files, user, unit);
      } finally {
        await removeQuietly(dir);
      }
    },

    async list() {
      const rows = await repo.list();
      const names = await Promise.all(rows.map((row) => readStoredImport(paths.importDir(row.id)).then((stored) => stored.sourceNames, () => [])));
      return rows.map((row, index) => ({
        id: row.id,
        status: row.status,
        details: row.state.details,
        sourceNames: names[index] ?? [],
        thumbnailUrl: row.state.hasThumbnail ? `/api/studio/drafts/${row.id}/thumbnail.png?v=${row.updatedAt}` : null,
        updatedAt: row.updatedAt,
        publishedAt: row.publishedAt,
      }));
    },

    async edit(id: string, edit: DraftEdit): Promise<StudioDraft> {
      return oneAtATime(id, async () => {
        const { row, stored } = await load(id);
        await saveState(row, checkEdit(edit, row, stored));
        return view(id);
      });
    },

    async remove(id: string): Promise<void> {
      await oneAtATime(id, async () => {
        const { row } = await load(id);
        if (row.productId) throw new AppError('conflict', `This draft is published as "${row.productId}" and stays, so the product can be edited and published again.`);
        await repo.remove(id);
        await removeQuietly(paths.draftDir(id));
      });
    },

    previewSplit: (id: string, request: SplitRequest): Promise<SplitPreview> => oneAtATime(id, async () => {
      await load(id);
      const dir = paths.previewDir(id);
      await removeQuietly(dir);
      await cp(paths.importDir(id), dir, { recursive: true });
      const result = await splitModelPart(dir, request.nodeId, request.mode, { limits });
      if (!result.ok) {
        await removeQuietly(dir);
        throw refused(result);
      }
      const node = findNode(result.tree, request.nodeId);
      if (!node) throw new Error('the split lost its node');
      return { nodeId: request.nodeId, mode: request.mode, node, modelUrl: `/api/studio/drafts/${id}/split-preview.glb?v=${Date.now()}` };
    }),

    applySplit: (id: string, request: SplitRequest): Promise<StudioDraft> => oneAtATime(id, async () => {
      const { row } = await load(id);
      const result = await splitModelPart(paths.importDir(id), request.nodeId, request.mode, { limits });
      if (!result.ok) throw refused(result);
      await removeQuietly(paths.previewDir(id));
      await saveState(row, row.state);
      return view(id);
    }),

    setThumbnail: async (id: string, png: unknown): Promise<StudioDraft> => {
      const bytes = await checkThumbnail(png);
      return oneAtATime(id, () => storeThumbnail(id, bytes));
    },
  };
}

export type StudioService = ReturnType<typeof createStudioService>;
