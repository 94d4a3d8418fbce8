// First-frame race: the product page against model-viewer showing the same model, cold cache, 4× CPU slowdown, a phone
// viewport, on slow and fast 4G; each page's time to its first frame with the model, and the JS bytes it received.
import type { Browser, Page, Request } from 'playwright-core';
import type { TestState } from '../../client/src/test-hook.ts';

export interface NetworkProfile {
  name: string;
  /** Round-trip latency added to each request. */
  latencyMs: number;
  downloadBitsPerSecond: number;
  uploadBitsPerSecond: number;
}

/** Lighthouse's mobile profile: 150 ms, 1.6 Mbit/s down, 750 kbit/s up. */
export const SLOW_4G: NetworkProfile = { name: 'slow-4g', latencyMs: 150, downloadBitsPerSecond: 1_600_000, uploadBitsPerSecond: 750_000 };
/** Chrome DevTools' "Fast 4G": 9 Mbit/s down, 1.5 Mbit/s up, 60 ms. */
export const FAST_4G: NetworkProfile = { name: 'fast-4g', latencyMs: 60, downloadBitsPerSecond: 9_000_000, uploadBitsPerSecond: 1_500_000 };

export const CPU_SLOWDOWN = 4;
export const PHONE_VIEWPORT = { width: 412, height: 915 };

export interface RaceRun {
  /** Milliseconds from navigation start to the first frame showing the model. */
  firstFrameMs: number;
  /** Encoded (on the wire) bytes of the scripts received until then. */
  jsWireBytes: number;
  /** Encoded bytes of every response received until then. */
  wireBytes: number;
}

export interface RacePage {
  url: string;
  /** Resolves, in the page, with `performance.now()` at the first frame with the model. */
  firstFrame(page: Page, timeoutMs: number): Promise<number>;
  /** Requests that are test instrumentation, not part of what a visitor loads. */
  ignore?: (url: string) => boolean;
}

/** The app's first frame: the test window says the model is loaded and a frame was drawn. */
export async function productFirstFrame(page: Page, timeoutMs: number): Promise<number> {
  const handle = await page.waitForFunction(
    () => {
      const state = (window as unknown as { __xrAssist?: TestState }).__xrAssist;
      return state !== undefined && state.viewer.modelLoaded && state.viewer.frames > 0 ? performance.now() : false;
    },
    undefined,
    { timeout: timeoutMs, polling: 'raf' },
  );
  return (await handle.jsonValue()) as number;
}

/** model-viewer's first frame, as its page marks it (see model-viewer-site.ts). */
export async function modelViewerFirstFrame(page: Page, timeoutMs: number): Promise<number> {
  const handle = await page.waitForFunction(() => (window as unknown as { __firstFrameAt?: number }).__firstFrameAt ?? false, undefined, { timeout: timeoutMs, polling: 'raf' });
  return (await handle.jsonValue()) as number;
}

function isScriptRequest(request: Request): boolean {
  return request.resourceType() === 'script' || /\.m?js(?:\?|$)/.test(request.url());
}

/** One cold load of `race.url` under `profile`, in a fresh context. */
export async function raceOnce(browser: Browser, race: RacePage, profile: NetworkProfile, timeoutMs: number): Promise<RaceRun> {
  // Service workers blocked: once ours takes over, the page's responses come through it and Playwright reports their
  // size as 0, which would count the code and model the worker fetched from the network as free.
  const context = await browser.newContext({ viewport: PHONE_VIEWPORT, locale: 'en-US', isMobile: true, hasTouch: true, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: profile.latencyMs,
      downloadThroughput: profile.downloadBitsPerSecond / 8,
      uploadThroughput: profile.uploadBitsPerSecond / 8,
    });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    const finished: Request[] = [];
    let recording = true;
    page.on('requestfinished', (request) => {
      if (recording && !race.ignore?.(request.url())) finished.push(request);
    });
    await page.goto(race.url, { waitUntil: 'commit', timeout: timeoutMs });
    const firstFrameMs = await race.firstFrame(page, timeoutMs);
    recording = false;
    const sized = await Promise.all(finished.map(async (request) => ({ script: isScriptRequest(request), bytes: (await request.sizes()).responseBodySize })));
    return {
      firstFrameMs,
      jsWireBytes: sized.filter((entry) => entry.script).reduce((sum, entry) => sum + entry.bytes, 0),
      wireBytes: sized.reduce((sum, entry) => sum + entry.bytes, 0),
    };
  } finally {
    await context.close();
  }
}

export interface RaceResult {
  profile: NetworkProfile;
  product: RaceRun;
  modelViewer: RaceRun;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

function medianRun(runs: RaceRun[]): RaceRun {
  return { firstFrameMs: median(runs.map((run) => run.firstFrameMs)), jsWireBytes: median(runs.map((run) => run.jsWireBytes)), wireBytes: median(runs.map((run) => run.wireBytes)) };
}

/** `rounds` alternating cold loads of each page under `profile` (alternating, so machine load falls on both); medians. */
export async function race(browser: Browser, product: RacePage, modelViewer: RacePage, profile: NetworkProfile, rounds: number, timeoutMs: number): Promise<RaceResult> {
  const ours: RaceRun[] = [];
  const theirs: RaceRun[] = [];
  for (let round = 0; round < rounds; round += 1) {
    ours.push(await raceOnce(browser, product, profile, timeoutMs));
    theirs.push(await raceOnce(browser, modelViewer, profile, timeoutMs));
    const last = (runs: RaceRun[]) => Math.round(runs.at(-1)?.firstFrameMs ?? Number.NaN);
    console.log(`  race ${profile.name} round ${round + 1}: product ${last(ours)} ms, model-viewer ${last(theirs)} ms`);
  }
  return { profile, product: medianRun(ours), modelViewer: medianRun(theirs) };
}
