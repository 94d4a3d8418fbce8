// Opens the studio page in headless Chromium (WebGL through SwiftShader) and renders models from a folder to WebP.
import { build } from 'esbuild';
import type { Browser } from 'playwright-core';
import { chromium } from 'playwright-core';
import type { Placement } from '../../../core/catalog.ts';
import type { StudioApi, StudioRequest, StudioView } from './studio-api.ts';
import { startStaticServer } from './static-server.ts';

export interface StudioSession {
  render(fileName: string, placement: Placement, view: StudioView, options?: { size?: number; format?: 'image/webp' | 'image/png' }): Promise<Buffer>;
  close(): Promise<void>;
}

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function bundleStudioPage(): Promise<string> {
  const result = await build({
    entryPoints: [new URL('./studio-page.ts', import.meta.url).pathname],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'error',
  });
  const output = result.outputFiles[0];
  if (!output) throw new Error('studio page bundle is empty');
  return output.text;
}

export async function openStudio(modelsDir: string): Promise<StudioSession> {
  const html = '<!doctype html><html><body style="margin:0"><script type="module" src="/studio.js"></script></body></html>';
  const server = await startStaticServer({ '/': html, '/studio.js': await bundleStudioPage(), '/favicon.ico': '' }, modelsDir);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(server.url);
    await page.waitForSelector('body[data-ready="true"]', { state: 'attached', timeout: 30_000 }).catch(() => {
      throw new Error(`studio page did not start: ${errors.join('; ') || 'no error reported'}`);
    });
    const openBrowser = browser;
    return {
      async render(fileName, placement, view, { size = 512, format = 'image/webp' } = {}) {
        const request: StudioRequest = { modelUrl: `/files/${fileName}`, placement, view, size, format, quality: 0.9 };
        const dataUrl = await page.evaluate((studioRequest) => (window as unknown as { studio: StudioApi }).studio.render(studioRequest), request);
        return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
      },
      async close() {
        await openBrowser.close();
        await server.close();
      },
    };
  } catch (error) {
    await browser?.close();
    await server.close();
    throw error;
  }
}
