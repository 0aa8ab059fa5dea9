/**
 * The command line's start: `osai-check` on a 100-line manifest against `node -e 0`, with and
 * without its code cache.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { TIMEOUT_MS } from './lspClient';
import { manifest } from './manifest';
import { NO_CODE_CACHE } from './start';
import { p50 } from './stats';

const ROOT = join(__dirname, '..', '..');
/** The `osai-check` bin (server/out/cli.js is the module it runs; loading that alone checks nothing). */
const OURS_CLI = join(ROOT, 'bin', 'osai-check.js');
export const CLI_RUNS = 25;

export interface CommandLine {
  cli: number;
  cold: number;
  node: number;
  status: number;
}

export function commandLine(): CommandLine {
  const dir = mkdtempSync(join(tmpdir(), 'osai-bench-'));
  try {
    const file = join(dir, 'bench.osai.yaml');
    writeFileSync(file, manifest(100));
    const run = (args: string[], env: NodeJS.ProcessEnv = {}) => {
      const start = performance.now();
      const result = spawnSync(process.execPath, args, {
        encoding: 'utf8',
        timeout: TIMEOUT_MS,
        env: { ...process.env, ...env },
      });
      const ms = performance.now() - start;
      if (result.error) throw new Error(`protocol bench: node ${args.join(' ')} failed: ${result.error.message}`);
      return { ms, status: result.status ?? -1, stderr: result.stderr };
    };
    const first = run([OURS_CLI, file]);
    if (first.status !== 0 && first.status !== 1)
      throw new Error(`protocol bench: osai-check exited ${first.status} on the 100-line manifest: ${first.stderr}`);
    // It must have checked the file, not only loaded: its summary line says so.
    if (!/^1 file checked: /m.test(first.stderr))
      throw new Error(
        `protocol bench: osai-check did not report checking the manifest: ${JSON.stringify(first.stderr)}`,
      );
    run(['-e', '0']);
    const cli: number[] = [];
    const cold: number[] = [];
    const node: number[] = [];
    for (let i = 0; i < CLI_RUNS; i++) {
      cli.push(run([OURS_CLI, file]).ms);
      cold.push(run([OURS_CLI, file], NO_CODE_CACHE).ms);
      node.push(run(['-e', '0']).ms);
    }
    return { cli: p50(cli), cold: p50(cold), node: p50(node), status: first.status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
