// Reads a STEP upload through OpenCascade (tessellated, in metres) into a glTF document, with the unit the file declares.
import { Document, Logger } from '@gltf-transform/core';
import type { ImportLimits } from './import-limits.ts';
import type { ImportWarning } from './import-types.ts';
import { STEP_READ_PARAMS, loadOcct } from './occt.ts';
import { ImportError } from './refusal.ts';
import { addStepShapes } from './step-to-document.ts';
import { declaredLengthUnit, type DeclaredUnit } from './step-units.ts';
import type { ArchiveEntry } from './unzip.ts';

export interface ReadStep {
  document: Document;
  unit: DeclaredUnit;
  warnings: ImportWarning[];
}

/** Entities that carry shape: a file without any of them has nothing OpenCascade could tessellate. */
const GEOMETRY_ENTITIES = ['MANIFOLD_SOLID_BREP', 'BREP_WITH_VOIDS', 'FACETED_BREP', 'SHELL_BASED_SURFACE_MODEL', 'ADVANCED_FACE', 'GEOMETRIC_CURVE_SET', 'TESSELLATED_'];

function hasGeometryEntities(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return GEOMETRY_ENTITIES.some((entity) => buffer.includes(entity));
}

export async function readStep(model: ArchiveEntry, limits: ImportLimits): Promise<ReadStep> {
  const { unit, units } = declaredLengthUnit(model.bytes);
  const occt = await loadOcct();
  const result = occt.ReadStepFile(model.bytes, STEP_READ_PARAMS);
  if (!result.success) {
    if (!hasGeometryEntities(model.bytes)) {
      throw new ImportError('no-geometry', `${model.name} is a STEP file without any solid or surface: it may contain only product data or drawings.`, { file: model.name });
    }
    throw new ImportError('corrupt', `${model.name} starts like a STEP file but OpenCascade could not read it; it may be damaged or cut short. Export it again and retry.`, { file: model.name });
  }
  const triangles = (result.meshes ?? []).reduce((sum, mesh) => sum + mesh.index.array.length / 3, 0);
  if (triangles > limits.maxTriangles) {
    throw new ImportError('too-detailed', `${model.name} becomes ${triangles.toLocaleString('en')} triangles; the limit is ${limits.maxTriangles.toLocaleString('en')}. Simplify the model (hide small parts, coarser tessellation) and retry.`, {
      file: model.name,
      triangles,
      limit: limits.maxTriangles,
    });
  }
  const document = new Document().setLogger(new Logger(Logger.Verbosity.ERROR));
  addStepShapes(document, result, model.name);
  const warnings: ImportWarning[] =
    unit === 'mixed'
      ? [{ code: 'mixed-units', message: `${model.name} mixes length units (${units.join(', ')}); each part was converted to metres from its own unit.`, params: { file: model.name, units: units.join(', ') } }]
      : [];
  return { document, unit, warnings };
}
