// What an integrator runs on the served OpenAPI document: Redocly's linter (recommended rules) and openapi-typescript.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';

const require = createRequire(import.meta.url);
const run = promisify(execFile);

/** The typed paths of the API, generated from the document and kept in the repository. */
export const API_TYPES_FILE = path.resolve('tests/support/api-types.generated.ts');

export interface LintProblem {
  ruleId: string;
  severity: 'error' | 'warn';
  message: string;
  pointer: string;
}

export async function servedDocument(server: { url: string }): Promise<Record<string, unknown>> {
  return (await (await fetch(`${server.url}/api/openapi.json`)).json()) as Record<string, unknown>;
}

/** Runs the pinned `redocly lint` (built-in recommended rules, no config file) and returns what it reports. */
export async function lintDocument(document: object): Promise<LintProblem[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'xr-openapi-'));
  const file = path.join(dir, 'openapi.json');
  fs.writeFileSync(file, JSON.stringify(document, null, 2));
  const cli = path.join(path.dirname(require.resolve('@redocly/cli/package.json')), 'bin/cli.js');
  const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
  // `lint` exits 1 when it finds errors; the JSON report is on stdout either way.
  const { stdout } = await run(process.execPath, [cli, 'lint', file, '--format=json'], { cwd: dir, env, maxBuffer: 16 * 1024 * 1024 }).catch(
    (error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }),
  );
  fs.rmSync(dir, { recursive: true, force: true });
  const report = JSON.parse(stdout) as { problems: Array<{ ruleId: string; severity: 'error' | 'warn'; message: string; location: Array<{ pointer: string }> }> };
  return report.problems.map((problem) => ({ ruleId: problem.ruleId, severity: problem.severity, message: problem.message, pointer: problem.location[0]?.pointer ?? '' }));
}

/** The TypeScript of the document's paths and operations, as `npm run openapi:types` writes it. */
export async function generateApiTypes(document: object): Promise<string> {
  const ast = await openapiTS(document as Parameters<typeof openapiTS>[0], { alphabetize: true });
  return `${COMMENT_HEADER}// Regenerate with \`npm run openapi:types\` after changing a route; tests/server/openapi.test.ts checks it is current.\n\n${astToString(ast)}`;
}
