// Renders bench results as a plain-text table for the terminal.
import type { BenchResult } from './bench-types.ts';

function formatValue(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (Number.isInteger(value)) return String(value);
  return Math.abs(value) >= 1000 ? value.toFixed(1) : String(Number(value.toPrecision(4)));
}

function formatPass(pass: boolean | null | undefined): string {
  if (pass === true) return 'pass';
  if (pass === false) return 'FAIL';
  return '';
}

export function formatTable(results: readonly BenchResult[]): string {
  const header = ['name', 'value', 'unit', 'goal', 'pass'];
  const rows = results.map((r) => [r.name, formatValue(r.value), r.unit, r.goal ?? '', formatPass(r.pass)]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === 1 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  const errors = results.filter((r) => r.error !== undefined).map((r) => `  ${r.name}: ${r.error}`);
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), ...(errors.length ? ['', 'not measured:', ...errors] : [])].join('\n');
}
