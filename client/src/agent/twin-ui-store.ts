// What the agent is doing in one session's workspace: the annotation tool, the pin's text, snapped to the requester's
// view or orbiting, a request to fit the view, the part to frame, the ink stroke being drawn and the side panel shown.
import { createStore } from 'zustand/vanilla';
import type { Annotation, AnnotationKind } from '../../../core/annotation.ts';
import type { LocalPoint } from '../sessions/local-point.ts';

export type TwinTool = 'look' | AnnotationKind;
export type SidePanel = 'steps' | 'parts' | 'cart';
/** A fresh workspace points: the agent's first click on the model places an arrow the requester sees. */
export const DEFAULT_TOOL: TwinTool = 'arrow';

export interface InkDraft {
  partId: string;
  localNormal: LocalPoint;
  points: LocalPoint[];
}

export interface TwinUiState {
  tool: TwinTool;
  pinText: string;
  snapped: boolean;
  /** Increases with every request to frame the product and the requester again. */
  fit: number;
  panel: SidePanel;
  /** A request to frame a part; the nonce repeats a request for the same part. */
  focus: { partId: string; nonce: number } | null;
  ink: InkDraft | null;
  /** A request to place the current tool on a part from the keyboard (framed first). */
  annotateRequest: { partId: string; nonce: number } | null;
  error: string | null;
}

export function createTwinUi() {
  const store = createStore<TwinUiState>(() => ({ tool: DEFAULT_TOOL, pinText: '', snapped: false, fit: 0, panel: 'steps', focus: null, ink: null, annotateRequest: null, error: null }));
  return {
    ...store,
    /** Orbit again, framed on the product and the requester. */
    fitView() {
      store.setState((state) => ({ fit: state.fit + 1, snapped: false }));
    },
    focusPart(partId: string) {
      store.setState((state) => ({ focus: { partId, nonce: (state.focus?.nonce ?? 0) + 1 }, snapped: false }));
    },
    /** Frames the part, then places the current tool on it where it is seen. */
    annotatePart(partId: string) {
      store.setState((state) => ({
        focus: { partId, nonce: (state.focus?.nonce ?? 0) + 1 },
        annotateRequest: { partId, nonce: (state.annotateRequest?.nonce ?? 0) + 1 },
        snapped: false,
      }));
    },
    destroy() {},
  };
}

export type TwinUi = ReturnType<typeof createTwinUi>;

/** The stroke being drawn, shown like a sent annotation until it is sent. */
export function inkPreview(draft: InkDraft, sessionId: string): Annotation | null {
  const first = draft.points[0];
  if (!first || draft.points.length < 2) return null;
  return { id: 'ink-draft', sessionId, partId: draft.partId, localPoint: first, localNormal: draft.localNormal, kind: 'ink', inkPoints: draft.points, authorId: '', createdAt: 0 };
}
