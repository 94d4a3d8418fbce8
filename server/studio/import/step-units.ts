// Reads which length unit a STEP file declares (SI_UNIT with its prefix, or a CONVERSION_BASED_UNIT such as INCH).
import type { LengthUnit } from './import-types.ts';

export type DeclaredUnit = LengthUnit | 'mixed' | 'unknown';

const SI_PREFIXES: Record<string, LengthUnit> = { '$': 'm', '.MILLI.': 'mm', '.CENTI.': 'cm' };
const CONVERSION_NAMES: Record<string, LengthUnit> = {
  INCH: 'in',
  IN: 'in',
  FOOT: 'ft',
  FT: 'ft',
  MILLIMETRE: 'mm',
  MILLIMETER: 'mm',
  MM: 'mm',
  CENTIMETRE: 'cm',
  CENTIMETER: 'cm',
  METRE: 'm',
  METER: 'm',
};

/** Every `#id = ...;` instance whose text contains `keyword`, as [id, text]. */
function instancesWith(bytes: Uint8Array, keyword: string): Array<[string, string]> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const found: Array<[string, string]> = [];
  for (let at = buffer.indexOf(keyword); at >= 0; at = buffer.indexOf(keyword, at + keyword.length)) {
    const start = buffer.lastIndexOf(';', at) + 1;
    const end = buffer.indexOf(';', at);
    if (end < 0) continue;
    const text = buffer.toString('latin1', start, end);
    const id = /^\s*#(\d+)\s*=/.exec(text)?.[1];
    if (id) found.push([id, text]);
  }
  return found;
}

function unitOf(text: string): LengthUnit | null {
  const si = /SI_UNIT\s*\(\s*(\$|\.[A-Z]+\.)\s*,\s*\.METRE\.\s*\)/.exec(text);
  if (si) return SI_PREFIXES[si[1] ?? ''] ?? null;
  const named = /CONVERSION_BASED_UNIT\s*\(\s*'([^']*)'/.exec(text);
  return named ? (CONVERSION_NAMES[(named[1] ?? '').trim().toUpperCase()] ?? null) : null;
}

/** The length unit the file's geometry contexts use; units that only define another (25.4 mm in an inch) do not count. */
export function declaredLengthUnit(bytes: Uint8Array): { unit: DeclaredUnit; units: LengthUnit[] } {
  const lengthUnits = new Map(instancesWith(bytes, 'LENGTH_UNIT(').map(([id, text]) => [id, unitOf(text)] as const));
  const inForce = new Set(
    instancesWith(bytes, 'GLOBAL_UNIT_ASSIGNED_CONTEXT').flatMap(([, text]) => [...(/GLOBAL_UNIT_ASSIGNED_CONTEXT\s*\(\s*\(([^)]*)\)/.exec(text)?.[1] ?? '').matchAll(/#(\d+)/g)].map((match) => match[1] ?? '')),
  );
  const units = [...new Set([...lengthUnits].filter(([id]) => inForce.has(id)).map(([, unit]) => unit))];
  const known = units.filter((unit): unit is LengthUnit => unit !== null);
  if (units.length === 0 || known.length === 0) return { unit: 'unknown', units: [] };
  if (units.length > 1) return { unit: 'mixed', units: known };
  return { unit: known[0] ?? 'unknown', units: known };
}
