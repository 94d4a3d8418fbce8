// Repairs the few glTF validator errors that exporters often make and that can be fixed without guessing.
import type { Accessor, Document } from '@gltf-transform/core';

/**
 * Errors fixed here or by writing the model again: index values equal to the primitive-restart value of their type
 * (widened to the next index type), and POSITION min/max that do not match the data (recomputed when written).
 */
export const REPAIRABLE_ERRORS = new Set(['ACCESSOR_INDEX_PRIMITIVE_RESTART', 'ACCESSOR_MIN_MISMATCH', 'ACCESSOR_MAX_MISMATCH']);

function widened(accessor: Accessor): Uint16Array | Uint32Array | null {
  const array = accessor.getArray();
  if (array instanceof Uint8Array && array.includes(0xff)) return Uint16Array.from(array);
  if (array instanceof Uint16Array && array.includes(0xffff)) return Uint32Array.from(array);
  return null;
}

/** Widens index accessors holding their type's restart value; returns how many were widened. */
export function widenRestartIndices(document: Document): number {
  const accessors = new Set(
    document
      .getRoot()
      .listMeshes()
      .flatMap((mesh) => mesh.listPrimitives())
      .map((primitive) => primitive.getIndices())
      .filter((indices): indices is Accessor => indices !== null),
  );
  let count = 0;
  for (const accessor of accessors) {
    const array = widened(accessor);
    if (array) {
      accessor.setArray(array);
      count += 1;
    }
  }
  return count;
}
