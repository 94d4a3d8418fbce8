// Runs the bench modules in sequence (BENCH_ONLY=bundle,assets picks some), prints one table and writes results.json.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { errorSummary, meetsGoal, type BenchResult } from './bench-types.ts';
import { formatTable } from './print-table.ts';
import { runBundleBench } from './bundle-bench.ts';
import { runAssetsBench } from './assets-bench.ts';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const RESULTS_PATH = path.join(BENCH_DIR, 'results.json');

interface BenchModule {
  key: string;
  /** Null when the module's file has not landed yet. */
  load: () => Promise<(() => Promise<BenchResult[]>) | null>;
}

/** A bench module that may not exist yet: imported only when its file is present. */
function optionalModule(key: string, file: string, exportName: string): BenchModule {
  return {
    key,
    async load() {
      const full = path.join(BENCH_DIR, file);
      if (!fs.existsSync(full)) return null;
      const mod = (await import(pathToFileURL(full).href)) as Record<string, unknown>;
      const run = mod[exportName];
      if (typeof run !== 'function') throw new Error(`${file} does not export ${exportName}()`);
      return () => (run as () => Promise<BenchResult[]>)();
    },
  };
}

const MODULES: BenchModule[] = [
  { key: 'bundle', load: async () => () => runBundleBench() },
  { key: 'assets', load: async () => runAssetsBench },
  optionalModule('orders', 'orders-bench.ts', 'runOrdersBench'),
  optionalModule('relay', 'relay-bench.ts', 'runRelayBench'),
  optionalModule('studio', 'studio-import-bench.ts', 'runStudioImportBench'),
  optionalModule('failover', 'failover-bench.ts', 'runFailoverBench'),
  optionalModule('insights', 'insights-bench.ts', 'runInsightsBench'),
];

function selectedModules(only: string | undefined): BenchModule[] {
  if (!only?.trim()) return MODULES;
  const keys = only.split(',').map((key) => key.trim()).filter(Boolean);
  const unknown = keys.filter((key) => !MODULES.some((module) => module.key === key));
  if (unknown.length) console.warn(`BENCH_ONLY: unknown bench ${unknown.join(', ')} (known: ${MODULES.map((m) => m.key).join(', ')})`);
  return MODULES.filter((module) => keys.includes(module.key));
}

async function runModule(module: BenchModule): Promise<BenchResult[]> {
  const started = performance.now();
  console.log(`\n▶ ${module.key}`);
  try {
    const run = await module.load();
    if (!run) {
      console.log(`  skipped: not present yet`);
      return [];
    }
    const results = await run();
    console.log(`  ${module.key}: ${results.length} figures in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return results.map((result) => (result.pass === undefined ? { ...result, pass: meetsGoal(result.value, result.goal) } : result));
  } catch (error) {
    console.error(`  ${module.key} failed:`, error);
    return [{ name: `${module.key}.error`, value: Number.NaN, unit: '', goal: null, pass: false, error: errorSummary(error) }];
  }
}

const results: BenchResult[] = [];
for (const module of selectedModules(process.env.BENCH_ONLY)) results.push(...(await runModule(module)));

console.log(`\n${formatTable(results)}\n`);
fs.writeFileSync(RESULTS_PATH, `${JSON.stringify(results.map(({ name, value, unit, goal, pass = null, error }) => ({ name, value, unit, goal, pass, ...(error === undefined ? {} : { error }) })), null, 2)}\n`);
console.log(`wrote ${path.relative(process.cwd(), RESULTS_PATH)}`);
process.exit(0);
