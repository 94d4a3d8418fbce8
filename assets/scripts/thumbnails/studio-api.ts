// The contract between the thumbnail script (Node) and the studio page it drives in Chromium.
import type { Placement } from '../../../core/catalog.ts';

export interface StudioView {
  /** Degrees around the vertical axis, 0 = straight from the front (+Z), positive = from the right. */
  azimuth: number;
  /** Degrees above the horizon. */
  elevation: number;
}

export interface StudioRequest {
  modelUrl: string;
  placement: Placement;
  view: StudioView;
  /** Output edge length in pixels. */
  size: number;
  /** @default 'image/webp' */
  format?: 'image/webp' | 'image/png';
  /** Encoder quality for WebP, 0..1. */
  quality: number;
}

export interface StudioApi {
  /** Renders the model and resolves with a `data:image/...;base64,` URL. */
  render(request: StudioRequest): Promise<string>;
}

/** A slight three-quarter view; wall products are seen from lower down so the fittings underneath show. */
export const DEFAULT_VIEWS: Record<Placement, StudioView> = {
  floor: { azimuth: 32, elevation: 18 },
  wall: { azimuth: 28, elevation: 2 },
};
