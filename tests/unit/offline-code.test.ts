// The build's list of what a downloaded product's guide needs offline: the assist page and what it may load, the app's
// first code, the translations; not the emulator, nor the pages reached only through the first code's lazy imports.
import { describe, expect, it } from 'vitest';
import type { Rolldown } from 'vite';
import { offlineCodeFiles } from '../../assets/scripts/offline-code.ts';

function chunk(fileName: string, fields: { name?: string; isEntry?: boolean; facade?: string; imports?: string[]; dynamicImports?: string[]; css?: string[]; modules?: string[] }) {
  return {
    type: 'chunk',
    fileName,
    name: fields.name ?? fileName.replace(/^.*\//, '').replace(/-.*$/, ''),
    isEntry: fields.isEntry ?? false,
    facadeModuleId: fields.facade ?? null,
    imports: fields.imports ?? [],
    dynamicImports: fields.dynamicImports ?? [],
    moduleIds: fields.modules ?? [],
    viteMetadata: { importedCss: new Set(fields.css ?? []), importedAssets: new Set<string>() },
  };
}

const bundle = Object.fromEntries(
  [
    chunk('static/index-a.js', { isEntry: true, facade: '/app/client/index.html', imports: ['static/vendor-b.js'], dynamicImports: ['static/assist-page-c.js', 'static/studio-page-d.js', 'static/offline-en.js', 'static/studio-en.js'] }),
    chunk('static/vendor-b.js', {}),
    chunk('static/assist-page-c.js', { facade: '/app/client/src/assist/assist-page.tsx', imports: ['static/vendor-b.js', 'static/guide-e.js'], dynamicImports: ['static/ar-experience-f.js', 'static/emulator-g.js'], css: ['static/guide-e.css'] }),
    chunk('static/guide-e.js', {}),
    chunk('static/ar-experience-f.js', { dynamicImports: ['static/iwer-h.js'] }),
    chunk('static/emulator-g.js', {}),
    chunk('static/iwer-h.js', { modules: ['/app/node_modules/@iwer/devui/index.js'] }),
    chunk('static/studio-page-d.js', { facade: '/app/client/src/studio/studio-page.tsx' }),
    chunk('static/offline-en.js', { facade: '/app/client/src/i18n/locales/en/offline.json' }),
    chunk('static/studio-en.js', { facade: '/app/client/src/i18n/locales/en/studio.json' }),
  ].map((entry) => [entry.fileName, entry]),
) as unknown as Rolldown.OutputBundle;

describe('the offline code list', () => {
  it('holds the assist page with what it may load, the first code and the translations, and leaves out the rest', () => {
    expect(offlineCodeFiles(bundle, ['client/src/assist/assist-page.tsx'], '/')).toEqual([
      '/static/ar-experience-f.js',
      '/static/assist-page-c.js',
      '/static/guide-e.css',
      '/static/guide-e.js',
      '/static/index-a.js',
      '/static/offline-en.js',
      '/static/vendor-b.js',
    ]);
  });

  it('is empty in a build without the assist page (the service worker’s own)', () => {
    expect(offlineCodeFiles(bundle, ['client/src/nowhere.tsx'], '/')).toEqual([]);
  });
});
