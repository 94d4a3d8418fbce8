// Assets bench: optimized bytes over unoptimized bytes for every product model, from the asset build's report.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { benchResult, type BenchResult } from './bench-types.ts';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const REPORT_PATH = path.join(REPO_ROOT, 'assets/build/report.json');
const BUILD_SCRIPT = path.join(REPO_ROOT, 'assets/scripts/build-assets.ts');

const AssetReportSchema = z.array(
  z.object({
    id: z.string().min(1),
    rawBytes: z.number().int().positive(),
    optimizedBytes: z.number().int().positive(),
  }),
);

function buildAssets(): void {
  if (!fs.existsSync(BUILD_SCRIPT)) throw new Error(`${path.relative(REPO_ROOT, REPORT_PATH)} is missing and there is no ${path.relative(REPO_ROOT, BUILD_SCRIPT)} to write it`);
  console.log('assets: report missing, running the asset build');
  const run = spawnSync(process.execPath, ['--import', 'tsx', BUILD_SCRIPT], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`asset build exited with ${run.status ?? run.signal}`);
}

export async function runAssetsBench(): Promise<BenchResult[]> {
  if (!fs.existsSync(REPORT_PATH)) buildAssets();
  const parsed = AssetReportSchema.safeParse(JSON.parse(await fs.promises.readFile(REPORT_PATH, 'utf8')));
  if (!parsed.success) throw new Error(`${path.relative(REPO_ROOT, REPORT_PATH)}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  if (parsed.data.length === 0) throw new Error(`${path.relative(REPO_ROOT, REPORT_PATH)} lists no models`);
  return parsed.data.flatMap((model) => [
    benchResult(`assets.${model.id}.ratio`, Math.round((model.optimizedBytes / model.rawBytes) * 1000) / 1000, 'optimized/raw', '≤ 0.3'),
    benchResult(`assets.${model.id}.optimized`, Math.round((model.optimizedBytes / 1024) * 10) / 10, 'KiB'),
  ]);
}
