// This device's persistent anchor for an aligned asset, where the platform keeps anchors across sessions (Quest).
import type { RigidTransform } from '../../../../core/geometry.ts';

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

interface Remembered {
  handle: string;
  transform: RigidTransform;
}

const keyOf = (assetId: string) => `xr-assist.alignment-anchor.${assetId}`;

export function rememberAnchor(storage: Storage, assetId: string, handle: string, transform: RigidTransform): void {
  storage.setItem(keyOf(assetId), JSON.stringify({ handle, transform }));
}

const close = (a: readonly number[], b: readonly number[], tolerance: number) => a.every((value, index) => Math.abs(value - (b[index] ?? Number.NaN)) <= tolerance);

/** The handle of the anchor made for this very alignment (same pose within 1 mm), or null. */
export function rememberedAnchor(storage: Storage, assetId: string, transform: RigidTransform): string | null {
  try {
    const value = JSON.parse(storage.getItem(keyOf(assetId)) ?? 'null') as Remembered | null;
    if (!value || typeof value.handle !== 'string') return null;
    const samePose = close(value.transform.position, transform.position, 0.001) && close(value.transform.quaternion, transform.quaternion, 0.001);
    return samePose ? value.handle : null;
  } catch {
    return null;
  }
}

/** The parts of the anchors API that only some platforms have. */
export interface PersistentAnchors {
  persistentAnchors?: readonly string[];
  restorePersistentAnchor?: (handle: string) => Promise<XRAnchor>;
}

export interface PersistableAnchor {
  requestPersistentHandle?: () => Promise<string>;
}
