// Lists the built files a product's guide needs without a connection (the assist page and everything it may load, the
// translations, the XR input profiles), so "Download for offline" can store them; the emulator's chunks stay out.
import fs from 'node:fs';
import path from 'node:path';
import type { Rolldown } from 'vite';

type OutputBundle = Rolldown.OutputBundle;
type OutputChunk = Rolldown.OutputChunk;

export const OFFLINE_CODE_FILE = 'offline-code.json';

const isEmulator = (chunk: OutputChunk) => /^emulat/.test(chunk.name) || chunk.moduleIds.some((id) => id.includes('/node_modules/@iwer/'));
const isTranslation = (chunk: OutputChunk) => chunk.facadeModuleId?.includes('/i18n/locales/') === true;
const NOT_OFFLINE_TRANSLATIONS = /\/(studio|insights|backOffice)\.json$/;

/** Paths of every chunk and stylesheet reachable from the modules named, plus the translations; none without them. */
export function offlineCodeFiles(bundle: OutputBundle, entryModules: readonly string[], base: string): string[] {
  const chunks = Object.values(bundle).filter((file): file is OutputChunk => file.type === 'chunk');
  const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  // The first page's code (the entry and what it imports) lazily loads every page: its own lazy imports are not followed.
  const initial = new Set<string>();
  const collect = (chunk: OutputChunk | undefined) => {
    if (!chunk || initial.has(chunk.fileName)) return;
    initial.add(chunk.fileName);
    for (const file of chunk.imports) collect(byFile.get(file));
  };
  for (const chunk of chunks) if (chunk.isEntry) collect(chunk);
  const seen = new Set<string>();
  const visit = (chunk: OutputChunk | undefined) => {
    if (!chunk || seen.has(chunk.fileName) || isEmulator(chunk)) return;
    seen.add(chunk.fileName);
    for (const css of chunk.viteMetadata?.importedCss ?? []) seen.add(css);
    const lazy = initial.has(chunk.fileName) ? [] : chunk.dynamicImports;
    for (const file of [...chunk.imports, ...lazy]) visit(byFile.get(file));
  };
  const entries = chunks.filter((chunk) => entryModules.some((module) => chunk.facadeModuleId?.endsWith(module)));
  if (entries.length === 0) return [];
  for (const entry of entries) visit(entry);
  for (const file of initial) visit(byFile.get(file));
  for (const chunk of chunks) if (isTranslation(chunk) && !NOT_OFFLINE_TRANSLATIONS.test(chunk.facadeModuleId ?? '')) visit(chunk);
  return [...seen].sort().map((file) => `${base}${file}`);
}

/** The XR input profiles' files (controller and hand models AR asks for), as the server mounts them. */
export function inputProfileFiles(dir: string, mount: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !/\.(br|gz)$/.test(entry.name))
    .map((entry) => `${mount}${path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/')}`)
    .sort();
}
