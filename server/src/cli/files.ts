/**
 * What `osai-check` checks: files named on the command line, manifests and MOF model files
 * found in folders (recursively) and by globs, and stdin (`-`).
 */
import { readdirSync, readSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';

export class TargetError extends Error {}

/** Entries never searched in folders or by globs (as in eslint): dependencies and dot entries. */
function skipped(entry: string): boolean {
  return entry === 'node_modules' || entry.startsWith('.');
}

/** Whether a file found in a folder or by a glob is one to check (a format may claim it). */
export type IsCandidate = (path: string) => boolean;

function walk(dir: string, visit: (file: string) => void): void {
  for (const entry of readdirSync(dir).sort()) {
    if (skipped(entry)) continue;
    const path = join(dir, entry);
    let stat;
    try { stat = statSync(path); } catch { continue; } // a dangling link is not an error of the run
    if (stat.isDirectory()) walk(path, visit);
    else if (stat.isFile()) visit(path);
  }
}

function errnoOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

/**
 * The absolute paths of the files a target names, in a stable order. An existing path is
 * used as it is (a file is always checked; a folder yields its manifests and MOF files);
 * otherwise a glob yields the manifests and MOF files it matches. Throws `TargetError` for a
 * path that does not exist or a glob that matches no file at all.
 */
export function expandTarget(target: string, cwd: string, isCandidate: IsCandidate): string[] {
  const path = resolve(cwd, target);
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    const scan = picomatch.scan(target);
    if (!scan.isGlob) throw new TargetError(`cannot read ${target}: ${errnoOf(error)}`);
    return expandGlob(target, cwd, isCandidate);
  }
  if (!stat.isDirectory()) return [path];
  const files: string[] = [];
  try {
    walk(path, (file) => { if (isCandidate(file)) files.push(file); });
  } catch (error) {
    throw new TargetError(`cannot read ${target}: ${errnoOf(error)}`);
  }
  return files;
}

function expandGlob(pattern: string, cwd: string, isCandidate: IsCandidate): string[] {
  const scan = picomatch.scan(pattern);
  if (scan.negated) throw new TargetError(`negated globs are not supported: ${pattern}`);
  const base = resolve(cwd, scan.base || '.');
  const isMatch = picomatch(scan.glob, { dot: false });
  const matched: string[] = [];
  try {
    if (statSync(base).isDirectory()) {
      walk(base, (file) => { if (isMatch(relative(base, file).split(sep).join('/'))) matched.push(file); });
    }
  } catch (error) {
    const code = errnoOf(error);
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw new TargetError(`cannot read ${pattern}: ${code}`);
  }
  if (matched.length === 0) throw new TargetError(`no files match ${pattern}`);
  return matched.filter(isCandidate);
}

/** How a checked file is shown: relative to the working directory (as before). */
export function displayPath(file: string, cwd: string): string {
  return relative(cwd, file) || file;
}

/** Whether a file lies inside the working directory (SARIF and GitHub paths are relative to it). */
export function isInside(file: string, cwd: string): boolean {
  const rel = relative(cwd, file);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

/** All of stdin, synchronously (retrying when stdin is a non-blocking pipe). */
export function readStdin(): string {
  const chunks: Buffer[] = [];
  const buffer = Buffer.alloc(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, buffer, 0, buffer.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') { Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10); continue; }
      if (code === 'EOF') break;
      throw error;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(buffer.subarray(0, n)));
  }
  return Buffer.concat(chunks).toString('utf8');
}
