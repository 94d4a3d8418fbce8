// occt-import-js (OpenCascade compiled to WebAssembly), loaded once per worker, with the parameters every STEP import uses.
import { createRequire } from 'node:module';

export interface OcctMesh {
  name: string;
  /** sRGB, 0–1. */
  color?: [number, number, number];
  brep_faces: Array<{ first: number; last: number; color: [number, number, number] | null }>;
  attributes: { position: { array: number[] }; normal?: { array: number[] } };
  index: { array: number[] };
}

export interface OcctNode {
  name: string;
  meshes: number[];
  children: OcctNode[];
}

export interface OcctResult {
  success: boolean;
  root?: OcctNode;
  meshes?: OcctMesh[];
}

export interface OcctParams {
  linearUnit?: 'millimeter' | 'centimeter' | 'meter' | 'inch' | 'foot';
  linearDeflectionType?: 'bounding_box_ratio' | 'absolute_value';
  linearDeflection?: number;
  angularDeflection?: number;
}

export interface Occt {
  ReadStepFile(content: Uint8Array, params: OcctParams | null): OcctResult;
}

/** OpenCascade reads the file's own length unit and converts to this one: vertices come out in metres. */
export const STEP_READ_PARAMS: OcctParams = { linearUnit: 'meter' };

let occt: Promise<Occt> | undefined;

export function loadOcct(): Promise<Occt> {
  occt ??= (createRequire(import.meta.url)('occt-import-js') as () => Promise<Occt>)();
  return occt;
}
