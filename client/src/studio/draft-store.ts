// One draft being edited: loads it, sends each edit and keeps the server's answer (its warnings and publish checklist),
// and holds what the author has selected and which tool the 3D view is in.
import { createStore } from 'zustand/vanilla';
import type { DraftEdit, SplitRequest, StudioDraft } from '../../../core/studio.ts';
import type { ProductDetail } from '../../../core/catalog.ts';
import { studioApi } from '../api/studio-api.ts';

export type StudioTool = 'select' | 'landmark';

export interface DraftState {
  draft: StudioDraft | null;
  loadError: unknown;
  /** How many requests are in flight. */
  pending: number;
  /** The last refused request: the server's words, for the author to read. */
  failure: unknown;
  selectedNodeId: string | null;
  tool: StudioTool;
  published: ProductDetail | null;
}

export interface DraftStore {
  getState(): DraftState;
  subscribe(listener: (state: DraftState) => void): () => void;
  load(): Promise<void>;
  edit(edit: DraftEdit): Promise<boolean>;
  split(request: SplitRequest): Promise<boolean>;
  setThumbnail(png: Blob): Promise<boolean>;
  publish(): Promise<boolean>;
  select(nodeId: string | null): void;
  setTool(tool: StudioTool): void;
  dismissFailure(): void;
  destroy(): void;
}

export function createDraftStore(draftId: string): DraftStore {
  const store = createStore<DraftState>(() => ({ draft: null, loadError: null, pending: 0, failure: null, selectedNodeId: null, tool: 'select', published: null }));
  let alive = true;

  async function run(request: () => Promise<StudioDraft>): Promise<boolean> {
    store.setState((state) => ({ pending: state.pending + 1, failure: null }));
    try {
      const draft = await request();
      if (alive) store.setState({ draft });
      return true;
    } catch (error) {
      if (alive) store.setState({ failure: error });
      return false;
    } finally {
      if (alive) store.setState((state) => ({ pending: state.pending - 1 }));
    }
  }

  return {
    getState: store.getState,
    subscribe: store.subscribe,
    async load() {
      store.setState({ loadError: null });
      try {
        const draft = await studioApi.getDraft(draftId);
        if (alive) store.setState({ draft });
      } catch (error) {
        if (alive) store.setState({ loadError: error });
      }
    },
    edit: (edit) => run(() => studioApi.edit(draftId, edit)),
    split: (request) => run(() => studioApi.split(draftId, request)),
    setThumbnail: (png) => run(() => studioApi.setThumbnail(draftId, png)),
    publish: () =>
      run(async () => {
        const { draft, product } = await studioApi.publish(draftId);
        store.setState({ published: product });
        return draft;
      }),
    select: (selectedNodeId) => store.setState({ selectedNodeId }),
    setTool: (tool) => store.setState({ tool }),
    dismissFailure: () => store.setState({ failure: null }),
    destroy() {
      alive = false;
    },
  };
}
