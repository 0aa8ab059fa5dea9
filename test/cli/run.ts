/** Runs the bundled `osai-check` (bin/osai-check.js, built by `npm run build`) as a user would. */
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../helpers';

export const BIN = join(ROOT, 'bin', 'osai-check.js');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  input?: string;
  env?: NodeJS.ProcessEnv;
}

export function runCli(args: readonly string[], options: CliOptions = {}): CliResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, ...options.env },
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export const cli = (...args: string[]): CliResult => runCli(args);

/** The olmo example with one change: a complete, clean manifest to vary. */
export function olmoWith(replace: string, by: string): string {
  const text = readFileSync(join(ROOT, 'examples', 'olmo-7b.osai.yaml'), 'utf8');
  if (!text.includes(replace)) throw new Error(`olmo-7b.osai.yaml has no ${replace}`);
  return text.replace(replace, by);
}
