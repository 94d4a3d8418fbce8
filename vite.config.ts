// Builds the client (root: client/) into dist/client with .br/.gz variants; in development proxies the API and sockets to the server.
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { describeReport, precompressDir } from './assets/scripts/precompress.ts';
import { INPUT_PROFILES_DIR } from './assets/scripts/asset-paths.ts';
import { inputProfileFiles, OFFLINE_CODE_FILE, offlineCodeFiles } from './assets/scripts/offline-code.ts';

/** After a build, brotli and gzip variants beside each file, which the server sends to browsers that accept them. */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'xr-assist-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      console.log(describeReport('client precompressed', precompressDir(outDir)));
    },
  };
}

/** The lazily loaded modules a guide runs on, inline and in AR (the first page's own code is always included). */
const OFFLINE_ROOTS = ['client/src/assist/assist-page.tsx', 'client/src/xr/ar-experience.tsx', 'client/src/three/product-viewer.tsx', 'client/src/three/product-page-viewer.tsx', 'client/src/orders/three/part-card-hud.tsx', 'client/src/offline-packages/download-for-offline.tsx'];

/** Writes the list of code a downloaded product's guide needs offline (see assets/scripts/offline-code.ts). */
function offlineCode(): Plugin {
  return {
    name: 'xr-assist-offline-code',
    apply: 'build',
    generateBundle(_options, bundle) {
      const code = offlineCodeFiles(bundle, OFFLINE_ROOTS, '/');
      if (code.length === 0) return;
      const files = [...code, ...inputProfileFiles(INPUT_PROFILES_DIR, '/assets/input-profiles/')];
      this.emitFile({ type: 'asset', fileName: OFFLINE_CODE_FILE, source: JSON.stringify({ files }) });
    },
  };
}

const server = process.env.XR_ASSIST_SERVER ?? 'http://localhost:3000';

export default defineConfig({
  root: 'client',
  plugins: [
    react(),
    // The installable app: its manifest, and the service worker built from client/src/sw.ts with only the page
    // precached (code, data and models are kept as they are first used; see the worker).
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'src',
      filename: 'sw.ts',
      injectRegister: false,
      manifest: {
        name: 'XR Assist',
        short_name: 'XR Assist',
        description: 'See products in AR at true scale, follow step-by-step guides, get live help and reorder parts.',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        theme_color: '#0f172a',
        background_color: '#0f172a',
        icons: [
          { src: '/icons/xr-assist.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
          { src: '/icons/xr-assist-maskable.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'maskable' },
        ],
      },
      injectManifest: { globPatterns: ['index.html'] },
    }),
    offlineCode(),
    precompress(),
  ],
  build: {
    outDir: '../dist/client',
    assetsDir: 'static',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // What every page loads before its first render goes out as two files (libraries, and our code, which changes
        // more often) rather than some thirty small shared chunks; lazily loaded code is split as before.
        codeSplitting: {
          groups: [
            { name: 'vendor', tags: ['$initial'], test: /node_modules/, priority: 2 },
            { name: 'app', tags: ['$initial'], priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': server,
      '/assets': server,
      '/socket.io': { target: server, ws: true },
    },
  },
});
