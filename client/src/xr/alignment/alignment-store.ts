// Aligning the twin onto the real unit: the landmarks in the order they are asked for, the points the person touched,
// the least-squares fit and whether it is good enough, then saving it for the installed asset.
import { createStore } from 'zustand/vanilla';
import { isGoodFit, solveRigidAlignment, type RigidAlignmentSuccess } from '../../../../core/alignment.ts';
import type { Landmark } from '../../../../core/catalog.ts';
import type { Vec3 } from '../../../../core/geometry.ts';
import type { AlignmentInput, AssetAlignment } from '../../../../core/asset-alignment.ts';
import { errorText } from '../../i18n/error-text.ts';

export type AlignmentPhase =
  /** Not aligning. */
  | 'idle'
  /** Asking for the next landmark. */
  | 'collecting'
  /** Solved and good: waiting for the AR view to place the product there. */
  | 'placing'
  | 'saving'
  | 'saved'
  | 'save-failed'
  /** Placed, but this person may not save alignments. */
  | 'local-only'
  /** The points were too bad to use: RMS above the limit, or degenerate. */
  | 'bad-fit'
  | 'failed';

/**
 * Where the current alignment came from. `needs-realign`: the unit was aligned before, but this AR session's origin
 * is new and the device kept no anchor of the spot, so nothing was placed and the person is asked to align again.
 */
export type AlignmentSource = 'landmarks' | 'persistent-anchor' | 'needs-realign';

export interface AlignmentState {
  phase: AlignmentPhase;
  points: Vec3[];
  result: RigidAlignmentSuccess | null;
  /** The solver's explanation when it refused the points. */
  failure: string | null;
  /** The alignment stored for this asset (loaded at start, or just saved). */
  saved: AssetAlignment | null;
  source: AlignmentSource | null;
  error: string | null;
}

export interface AlignmentOptions {
  productId: string;
  assetId: string;
  landmarks: readonly Landmark[];
  canSave: boolean;
  save: (assetId: string, input: AlignmentInput) => Promise<AssetAlignment>;
  load: (assetId: string) => Promise<AssetAlignment | null>;
}

export function createAlignmentStore(options: AlignmentOptions) {
  const { landmarks } = options;
  const store = createStore<AlignmentState>(() => ({ phase: 'idle', points: [], result: null, failure: null, saved: null, source: null, error: null }));
  let destroyed = false;

  const solve = (points: Vec3[]) => {
    const model = landmarks.slice(0, points.length).map((landmark) => landmark.position);
    const result = solveRigidAlignment(model, points);
    if (!result.ok) store.setState({ phase: 'failed', points, result: null, failure: result.message });
    else store.setState({ phase: isGoodFit(result) ? 'placing' : 'bad-fit', points, result, failure: null });
  };

  return {
    getState: store.getState,
    subscribe: store.subscribe,
    landmarks,
    assetId: options.assetId,
    /** The landmark to touch next, while collecting. */
    nextLandmark(): Landmark | null {
      const { phase, points } = store.getState();
      return phase === 'collecting' ? (landmarks[points.length] ?? null) : null;
    },
    async loadSaved(): Promise<void> {
      try {
        const saved = await options.load(options.assetId);
        if (!destroyed && saved && saved.productId === options.productId) store.setState({ saved });
      } catch {
        /* no saved alignment to offer: alignment starts from scratch */
      }
    },
    start() {
      store.setState({ phase: 'collecting', points: [], result: null, failure: null, error: null });
    },
    cancel() {
      store.setState({ phase: 'idle', points: [], result: null, failure: null });
    },
    undo() {
      const { phase, points } = store.getState();
      if (phase === 'collecting' && points.length > 0) store.setState({ points: points.slice(0, -1) });
    },
    addPoint(point: Vec3) {
      const { phase, points } = store.getState();
      if (phase !== 'collecting') return;
      const next = [...points, point];
      if (next.length >= landmarks.length) solve(next);
      else store.setState({ points: next });
    },
    /** Solves with the points so far (at least 3), without waiting for the remaining landmarks. */
    finishEarly() {
      const { phase, points } = store.getState();
      if (phase === 'collecting' && points.length >= 3) solve(points);
    },
    /** The AR view placed the product at the solved pose: save it for the asset when allowed. */
    async placed(): Promise<void> {
      const { result, points } = store.getState();
      if (!result) return;
      store.setState({ source: 'landmarks' });
      if (!options.canSave) {
        store.setState({ phase: 'local-only' });
        return;
      }
      store.setState({ phase: 'saving', error: null });
      try {
        const saved = await options.save(options.assetId, {
          productId: options.productId,
          transform: result.transform,
          rmsError: result.rmsError,
          landmarkIds: landmarks.slice(0, points.length).map((landmark) => landmark.id),
        });
        if (!destroyed) store.setState({ phase: 'saved', saved });
      } catch (error) {
        if (!destroyed) store.setState({ phase: 'save-failed', error: errorText(error) });
      }
    },
    /** The saved alignment on entering AR: placed from a remembered anchor, or not placed at all (align again). */
    restored(source: Exclude<AlignmentSource, 'landmarks'>) {
      store.setState({ phase: 'idle', source });
    },
    destroy() {
      destroyed = true;
    },
  };
}

export type AlignmentStore = ReturnType<typeof createAlignmentStore>;
