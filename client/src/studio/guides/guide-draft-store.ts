// One guide open in the editor: the author's working copy, autosaved (debounced) on the revision it was made on, the
// validator's issues on every change once the product's parts are known (from the last save before), a save refused
// because someone else saved in between, a save retried when the connection is back, and publishing.
import { createStore } from 'zustand/vanilla';
import type { ErrorIssue } from '../../../../core/ack.ts';
import type { GuideDraft } from '../../../../core/guide-editing.ts';
import { parseGuide } from '../../../../core/guide-validation.ts';
import { guideEditorApi } from '../../api/guide-editor-api.ts';
import { ApiError } from '../../api/http.ts';
import type { GuideWork } from './guide-work.ts';

export type SaveStatus = 'saved' | 'unsaved' | 'saving' | 'failed' | 'conflict';

export interface GuideDraftState {
  draft: GuideDraft | null;
  guide: GuideWork | null;
  issues: ErrorIssue[];
  status: SaveStatus;
  loadError: unknown;
  /** The last refused save or publish, in the server's words. */
  failure: unknown;
  /** Who saved in between, when a save was refused for it. */
  conflict: { name: string; revision: number } | null;
  publishing: boolean;
  /** The version the last publish made. */
  published: number | null;
}

export interface GuideDraftStore {
  getState(): GuideDraftState;
  subscribe(listener: (state: GuideDraftState) => void): () => void;
  load(): Promise<void>;
  change(update: (guide: GuideWork) => GuideWork): void;
  /** The product's parts: from now on the issues are the core validator's on what the author sees, as they type. */
  knowParts(partIds: ReadonlySet<string>): void;
  /** Sends what is not saved yet now; resolves true when everything is saved. */
  flush(): Promise<boolean>;
  publish(): Promise<boolean>;
  destroy(): void;
}

export const AUTOSAVE_DELAY_MS = 700;

export function createGuideDraftStore(guideId: string): GuideDraftStore {
  const store = createStore<GuideDraftState>(() => ({ draft: null, guide: null, issues: [], status: 'saved', loadError: null, failure: null, conflict: null, publishing: false, published: null }));
  let alive = true;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let saving: Promise<boolean> | null = null;
  let partIds: ReadonlySet<string> | null = null;

  const issuesOf = (guide: GuideWork, fromServer: ErrorIssue[]): ErrorIssue[] => {
    if (!partIds) return fromServer;
    const parsed = parseGuide(guide, partIds);
    return parsed.ok ? [] : parsed.issues;
  };

  const clearTimer = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };

  const opened = (draft: GuideDraft) => store.setState({ draft, guide: draft.guide, issues: draft.issues, status: 'saved', failure: null, conflict: null });

  /** A 409 stops autosave until the author reloads; anything else a save was refused for leaves the edits unsaved. */
  function refused(error: unknown, status: SaveStatus) {
    if (error instanceof ApiError && error.status === 409) {
      const params = error.body.params ?? {};
      store.setState({ status: 'conflict', failure: error, conflict: { name: String(params.name ?? '?'), revision: Number(params.revision ?? 0) } });
    } else store.setState({ status, failure: error });
  }

  /** Saves until what the author sees is saved: edits made while a save was on its way go in the next one. */
  async function saveAll(): Promise<boolean> {
    for (;;) {
      const { draft, guide, status } = store.getState();
      if (status === 'conflict') return false;
      if (!draft || !guide || status === 'saved') return true;
      store.setState({ status: 'saving' });
      try {
        const saved = await guideEditorApi.save(guideId, draft.revision, guide);
        if (!alive) return false;
        const now = store.getState().guide;
        const changedMeanwhile = now !== guide;
        store.setState({ draft: saved, issues: changedMeanwhile && now ? issuesOf(now, saved.issues) : saved.issues, status: changedMeanwhile ? 'unsaved' : 'saved', failure: null });
      } catch (error) {
        if (alive) refused(error, 'failed');
        return false;
      }
    }
  }

  function save(): Promise<boolean> {
    clearTimer();
    saving ??= saveAll().finally(() => {
      saving = null;
    });
    return saving;
  }

  /** Back online, edits a save could not send go out without the author pressing Try again. */
  const online = () => {
    if (store.getState().status === 'failed') void save();
  };
  if (typeof window !== 'undefined') window.addEventListener('online', online);

  return {
    getState: store.getState,
    subscribe: store.subscribe,
    async load() {
      clearTimer();
      store.setState({ loadError: null });
      try {
        const draft = await guideEditorApi.open(guideId);
        if (alive) opened(draft);
      } catch (error) {
        if (alive) store.setState({ loadError: error });
      }
    },
    change(update) {
      const { guide, status } = store.getState();
      if (!guide || status === 'conflict') return;
      const next = update(guide);
      store.setState({ guide: next, issues: issuesOf(next, store.getState().issues), status: 'unsaved', published: null });
      clearTimer();
      timer = setTimeout(() => void (saving ?? save()), AUTOSAVE_DELAY_MS);
    },
    knowParts(ids) {
      partIds = ids;
      const { guide, issues } = store.getState();
      if (guide) store.setState({ issues: issuesOf(guide, issues) });
    },
    async flush() {
      if (saving) await saving;
      return save();
    },
    async publish() {
      if (!(await this.flush())) return false;
      const { draft } = store.getState();
      if (!draft) return false;
      store.setState({ publishing: true, failure: null });
      try {
        const { version, draft: after } = await guideEditorApi.publish(guideId, draft.revision);
        if (alive) store.setState({ draft: after, issues: after.issues, published: version });
        return true;
      } catch (error) {
        if (alive) refused(error, 'saved');
        return false;
      } finally {
        if (alive) store.setState({ publishing: false });
      }
    },
    destroy() {
      alive = false;
      if (typeof window !== 'undefined') window.removeEventListener('online', online);
      clearTimer();
    },
  };
}
