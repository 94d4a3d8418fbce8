// Bundle bench: the JS a first-time visitor loads for the catalog and for a product's first 3D frame (gzip, and as sent),
// against model-viewer; then the first-frame race against model-viewer on slow and fast 4G.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser, type Page, type Request, type Response } from 'playwright-core';
import { startTestServer } from '../support/test-server.ts';
import type { TestState } from '../../client/src/test-hook.ts';
import { benchResult, failedResult, type BenchResult } from './bench-types.ts';
import { composeScripts, sourceBytes, type LoadedScript } from './js-composition.ts';
import { FAST_4G, SLOW_4G, modelViewerFirstFrame, productFirstFrame, race, type RacePage, type RaceResult } from './first-frame-race.ts';
import { modelViewerScriptBytes, startModelViewerSite } from './model-viewer-site.ts';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);

const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Source files of the headset HUD, which must load only when AR starts. */
const HUD_SOURCES = /client\/src\/(xr\/hud|orders\/three|help\/three)\/|client\/src\/assist\/assist-hud\./;

/** Strings only the IWER emulator carries (the @react-three/xr `emulate` option name "metaQuest3" alone is not evidence). */
const EMULATOR_MARKERS = /\bIWER\b|Immersive Web Emulation Runtime|SyntheticEnvironmentModule/;
/** The guide editor's branch-graph library (@xyflow/react, its system core, its d3 parts and classcat), Studio's alone. */
const GRAPH_LIBRARY_SOURCES = /node_modules\/(@xyflow\/|d3-(drag|zoom|selection|transition|interpolate|color|dispatch|ease|timer)\/|classcat\/)/;
/** Strings only that library's code carries, for a loaded script without a source map. */
const GRAPH_LIBRARY_MARKERS = /react-flow__|@xyflow\//;
/**
 * Studio's own sources (its room with the guide editor, its API calls, its contract and translations) and the libraries
 * only it uses (the branch graph's, above); only its header link may ship.
 */
const STUDIO_SOURCES = new RegExp(`client/src/studio/|client/src/api/(studio|guide-editor)-api\\.ts|core/studio[^/]*\\.ts|core/guide-editing\\.ts|locales/[a-z]+/studio\\.json|${GRAPH_LIBRARY_SOURCES.source}`);
/** Insights' own sources and its chart library (uPlot), loaded only on /insights; only its header link may ship. */
const INSIGHTS_SOURCES = /client\/src\/insights\/|core\/insights\.ts|locales\/[a-z]+\/insights\.json|node_modules\/uplot\//;

export interface BundleBenchOptions {
  /** Built client served by the bench server. @default "dist/client" */
  clientDir?: string;
  /** Product whose page is measured. @default "wheel-corner" */
  productId?: string;
  /** Longest wait for a page to become ready. @default 60000 */
  timeoutMs?: number;
  /** Print the loaded chunks and the packages in them. @default true */
  verbose?: boolean;
  /** Cold loads of each page per network profile in the first-frame race. @default 3 */
  raceRounds?: number;
}

interface PageLoad {
  scripts: LoadedScript[];
  /** Encoded bytes received (as sent, br where the server had it): the scripts, and every response. */
  wire: { js: number; all: number };
  error?: unknown;
}

const gzipBytes = (data: Buffer | string): number => gzipSync(data, { level: 9 }).length;
const kib = (bytes: number): number => Math.round((bytes / 1024) * 10) / 10;

async function ensureClientBuild(clientDir: string): Promise<void> {
  if (fs.existsSync(path.join(clientDir, 'index.html'))) return;
  console.log(`bundle: ${path.relative(REPO_ROOT, clientDir)}/index.html missing, building the client with vite`);
  const { build } = await import('vite');
  await build({ configFile: path.join(REPO_ROOT, 'vite.config.ts'), root: path.join(REPO_ROOT, 'client'), logLevel: 'warn' });
}

function modelViewerBaseline(): { file: string; gzip: number } {
  const file = require.resolve('@google/model-viewer/dist/model-viewer.min.js');
  return { file, gzip: gzipBytes(fs.readFileSync(file)) };
}

function isScript(response: Response): boolean {
  if (response.status() < 200 || response.status() >= 300 || response.status() === 204) return false;
  const type = response.headers()['content-type'] ?? '';
  const { pathname } = new URL(response.url());
  return type.includes('javascript') || pathname.endsWith('.js') || pathname.endsWith('.mjs');
}

/** Resolves once no request has been in flight for `quietMs`. */
async function networkIdle(page: Page, inFlight: () => number, quietMs = 500, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    if (inFlight() > 0) quietSince = Date.now();
    else if (Date.now() - quietSince >= quietMs) return;
    await page.waitForTimeout(50);
  }
  throw new Error(`network not idle after ${timeoutMs} ms (${inFlight()} requests in flight)`);
}

/** Opens `url` in a fresh context and keeps the body of every script that arrived before `ready` resolved. */
async function recordScripts(browser: Browser, url: string, ready: (page: Page, inFlight: () => number) => Promise<void>): Promise<PageLoad> {
  // Service workers blocked, as in the race: what comes through ours would be reported as 0 bytes.
  const context = await browser.newContext({ viewport: { width: 1000, height: 760 }, locale: 'en-US', serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const bodies: Array<Promise<LoadedScript | null>> = [];
    const pending = new Set<unknown>();
    const finished: Request[] = [];
    let recording = true;
    page.on('request', (request) => pending.add(request));
    page.on('requestfinished', (request) => {
      pending.delete(request);
      if (recording && !isTestInstrumentation(request.url())) finished.push(request);
    });
    page.on('requestfailed', (request) => pending.delete(request));
    page.on('response', (response) => {
      if (!recording || !isScript(response)) return;
      bodies.push(response.body().then((body) => ({ url: response.url(), body }), () => null));
    });
    let error: unknown;
    try {
      const document = await page.goto(url);
      if (!document?.ok()) throw new Error(`GET ${new URL(url).pathname} answered ${document?.status() ?? 'nothing'} (${document?.headers()['content-type'] ?? 'no content-type'}), not the app`);
      await ready(page, () => pending.size);
    } catch (caught) {
      error = caught;
    }
    recording = false;
    const scripts = (await Promise.all(bodies)).filter((script): script is LoadedScript => script !== null && !isTestInstrumentation(script.url));
    const wire = await wireBytes(finished, new Set(scripts.map((script) => script.url)));
    return error === undefined ? { scripts, wire } : { scripts, wire, error };
  } finally {
    await context.close();
  }
}

async function wireBytes(finished: readonly Request[], scriptUrls: ReadonlySet<string>): Promise<PageLoad['wire']> {
  const sized = await Promise.all(finished.map(async (request) => ({ script: scriptUrls.has(request.url()), bytes: (await request.sizes()).responseBodySize })));
  return { js: sized.filter((entry) => entry.script).reduce((sum, entry) => sum + entry.bytes, 0), all: sized.reduce((sum, entry) => sum + entry.bytes, 0) };
}

/** `window.__xrAssist`: only a browser driven by automation loads it (this one, to see the first frame); visitors never do. */
function isTestInstrumentation(url: string): boolean {
  return /\/static\/test-state-[\w-]+\.js$/.test(new URL(url).pathname);
}

function catalogReady(timeoutMs: number) {
  return async (page: Page, inFlight: () => number): Promise<void> => {
    await page.locator('[data-testid="product-list"]').waitFor({ state: 'visible', timeout: timeoutMs });
    await networkIdle(page, inFlight, 500, timeoutMs);
  };
}

function firstFrameReady(timeoutMs: number) {
  return async (page: Page): Promise<void> => {
    try {
      await page.waitForFunction(
        () => {
          const state = (window as unknown as { __xrAssist?: TestState }).__xrAssist;
          return state !== undefined && state.viewer.modelLoaded && state.viewer.frames > 0;
        },
        undefined,
        { timeout: timeoutMs, polling: 50 },
      );
    } catch (caught) {
      const shown = await page.locator('main').innerText().catch(() => '');
      throw new Error(`no first 3D frame within ${timeoutMs} ms; page shows: ${shown.replace(/\s+/g, ' ').slice(0, 200) || '(nothing)'}`, { cause: caught });
    }
  };
}

function totalGzip(scripts: readonly LoadedScript[]): number {
  return scripts.reduce((sum, script) => sum + gzipBytes(script.body), 0);
}

function describe(title: string, load: PageLoad, clientDir: string): void {
  console.log(`\nbundle: ${title} — ${load.scripts.length} scripts, ${kib(totalGzip(load.scripts))} KiB gz`);
  for (const script of [...load.scripts].sort((a, b) => b.body.length - a.body.length)) {
    console.log(`  ${kib(gzipBytes(script.body)).toFixed(1).padStart(7)} KiB gz  ${kib(script.body.length).toFixed(1).padStart(7)} KiB  ${new URL(script.url).pathname}`);
  }
  console.log('  by package (gzip of that package’s code alone):');
  for (const share of composeScripts(load.scripts, clientDir).slice(0, 15)) {
    console.log(`  ${kib(share.gzipBytes).toFixed(1).padStart(7)} KiB gz  ${kib(share.chars).toFixed(1).padStart(7)} KiB  ${share.name}`);
  }
}

function pageResults(key: string, load: PageLoad, baselineGzip: number, goal: string): BenchResult[] {
  if (load.error !== undefined) {
    return [
      failedResult(`bundle.${key}.ratio`, '× model-viewer', goal, load.error),
      failedResult(`bundle.${key}.js`, 'KiB gz', null, 'see the ratio above'),
      failedResult(`bundle.${key}.wire`, 'KiB sent', null, 'see the ratio above'),
    ];
  }
  const gzip = totalGzip(load.scripts);
  return [
    benchResult(`bundle.${key}.ratio`, Math.round((gzip / baselineGzip) * 1000) / 1000, '× model-viewer', goal),
    benchResult(`bundle.${key}.js`, kib(gzip), 'KiB gz'),
    benchResult(`bundle.${key}.js-wire`, kib(load.wire.js), 'KiB sent'),
    benchResult(`bundle.${key}.wire`, kib(load.wire.all), 'KiB sent'),
  ];
}

const ratio = (value: number, baseline: number): number => Math.round((value / baseline) * 1000) / 1000;

/** The race's figures: first-frame times and their ratio per profile, and the JS each page received on slow 4G. */
function raceResults(results: RaceResult[]): BenchResult[] {
  return results.flatMap(({ profile, product, modelViewer }) => [
    benchResult(`race.${profile.name}.first-frame.ratio`, ratio(product.firstFrameMs, modelViewer.firstFrameMs), '× model-viewer', profile === SLOW_4G ? '≤ 0.5' : null),
    benchResult(`race.${profile.name}.product.first-frame`, Math.round(product.firstFrameMs), 'ms'),
    benchResult(`race.${profile.name}.model-viewer.first-frame`, Math.round(modelViewer.firstFrameMs), 'ms'),
    ...(profile === SLOW_4G
      ? [
          benchResult('race.js-wire.ratio', ratio(product.jsWireBytes, modelViewer.jsWireBytes), '× model-viewer', '≤ 1.0'),
          benchResult('race.product.js-wire', kib(product.jsWireBytes), 'KiB sent'),
          benchResult('race.model-viewer.js-wire', kib(modelViewer.jsWireBytes), 'KiB sent'),
          benchResult('race.product.wire', kib(product.wireBytes), 'KiB sent'),
          benchResult('race.model-viewer.wire', kib(modelViewer.wireBytes), 'KiB sent'),
        ]
      : []),
  ]);
}

async function runRace(browser: Browser, productUrl: string, timeoutMs: number, rounds: number): Promise<BenchResult[]> {
  const site = await startModelViewerSite(path.join(REPO_ROOT, 'assets/build/models/wheel-corner.glb'));
  try {
    const product: RacePage = { url: productUrl, firstFrame: productFirstFrame, ignore: isTestInstrumentation };
    const modelViewer: RacePage = { url: site.url, firstFrame: modelViewerFirstFrame };
    const results: RaceResult[] = [];
    for (const profile of [SLOW_4G, FAST_4G]) results.push(await race(browser, product, modelViewer, profile, rounds, timeoutMs));
    return raceResults(results);
  } catch (error) {
    console.error('  race failed:', error);
    return [failedResult(`race.${SLOW_4G.name}.first-frame.ratio`, '× model-viewer', '≤ 0.5', error), failedResult('race.js-wire.ratio', '× model-viewer', '≤ 1.0', error)];
  } finally {
    await site.close();
  }
}

export async function runBundleBench(options: BundleBenchOptions = {}): Promise<BenchResult[]> {
  const clientDir = path.resolve(REPO_ROOT, options.clientDir ?? 'dist/client');
  const productId = options.productId ?? 'wheel-corner';
  const timeoutMs = options.timeoutMs ?? 60_000;
  const verbose = options.verbose ?? true;
  const raceRounds = options.raceRounds ?? 3;
  const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}; install it (apt-get install -y chromium) or set CHROMIUM_PATH`);

  await ensureClientBuild(clientDir);
  const baseline = modelViewerBaseline();
  const server = await startTestServer({ clientDir, assetsDir: path.join(REPO_ROOT, 'assets') });
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_FLAGS });
  try {
    const catalog = await recordScripts(browser, `${server.url}/`, catalogReady(timeoutMs));
    const product = await recordScripts(browser, `${server.url}/products/${encodeURIComponent(productId)}`, firstFrameReady(timeoutMs));
    if (verbose) {
      describe('catalog page', catalog, clientDir);
      describe(`product page /products/${productId} until the first 3D frame`, product, clientDir);
    }

    const withEmulator = [...catalog.scripts, ...product.scripts].filter((script) => EMULATOR_MARKERS.test(script.body.toString('utf8')));
    if (withEmulator.length) console.log(`bundle: emulator code loaded from ${[...new Set(withEmulator.map((s) => new URL(s.url).pathname))].join(', ')}`);
    const checkedBoth = catalog.error === undefined && product.error === undefined;
    const studioBytes = sourceBytes([...catalog.scripts, ...product.scripts], clientDir, (source) => STUDIO_SOURCES.test(source));
    const graphBytes = sourceBytes([...catalog.scripts, ...product.scripts], clientDir, (source) => GRAPH_LIBRARY_SOURCES.test(source));
    const withGraph = [...catalog.scripts, ...product.scripts].filter((script) => GRAPH_LIBRARY_MARKERS.test(script.body.toString('utf8')));
    if (withGraph.length) console.log(`bundle: branch-graph library code loaded from ${[...new Set(withGraph.map((s) => new URL(s.url).pathname))].join(', ')}`);
    const insightsBytes = sourceBytes([...catalog.scripts, ...product.scripts], clientDir, (source) => INSIGHTS_SOURCES.test(source.replaceAll('\\', '/')));
    const hudBytes = sourceBytes([...catalog.scripts, ...product.scripts], clientDir, (source) => HUD_SOURCES.test(source.replaceAll('\\', '/')));

    return [
      ...pageResults('catalog', catalog, baseline.gzip, '≤ 0.5'),
      ...pageResults('product-first-frame', product, baseline.gzip, '≤ 1.2'),
      benchResult('bundle.model-viewer.baseline', kib(baseline.gzip), 'KiB gz'),
      benchResult('bundle.model-viewer.baseline-br', kib(modelViewerScriptBytes().brotli), 'KiB br'),
      ...(await runRace(browser, `${server.url}/products/${encodeURIComponent(productId)}`, timeoutMs, raceRounds)),
      checkedBoth ? benchResult('bundle.hud-in-first-frame', hudBytes, 'B gz', '0') : failedResult('bundle.hud-in-first-frame', 'B gz', '0', 'not every page loaded; see the page errors above'),
      withEmulator.length > 0 || checkedBoth
        ? benchResult('bundle.emulator-in-production-entry', withEmulator.length > 0 ? 1 : 0, 'bool', '0')
        : failedResult('bundle.emulator-in-production-entry', 'bool', '0', 'not every page loaded; see the page errors above'),
      checkedBoth ? benchResult('bundle.studio-in-visitor-entries', studioBytes, 'B gz', '0') : failedResult('bundle.studio-in-visitor-entries', 'B gz', '0', 'not every page loaded; see the page errors above'),
      checkedBoth
        ? benchResult('bundle.graph-library-in-visitor-entries', Math.max(graphBytes, withGraph.length > 0 ? 1 : 0), 'B gz', '0')
        : failedResult('bundle.graph-library-in-visitor-entries', 'B gz', '0', 'not every page loaded; see the page errors above'),
      checkedBoth ? benchResult('bundle.insights-in-visitor-entries', insightsBytes, 'B gz', '0') : failedResult('bundle.insights-in-visitor-entries', 'B gz', '0', 'not every page loaded; see the page errors above'),
    ];
  } finally {
    await browser.close();
    await server.close();
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  }
}
