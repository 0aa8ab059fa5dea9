/**
 * What `osai-check` checks: files named on the command line, manifests and MOF model files
 * found in folders (recursively) and by globs, and stdin (`-`).
 */
import { readdirSync, readSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';

export class TargetError extends Error {}

/** Entries never searched in folders or by globs (as in eslint): dependencies and dot entries. */
function skipped(entry: string): boolean {
  return entry === 'node_modules' || entry.startsWith('.');
}

/** Whether a file found in a folder or by a glob is one to check (a format may claim it). */
export type IsCandidate = (path: string) => boolean;

/**
 * Visits the files under `dir` in a stable order. Each folder is entered once by its real
 * path, so links to a parent (or to `.`) neither loop nor branch; each file is visited once
 * by its real path too (a file reached through two names is visited under the first).
 */
function walk(dir: string, visit: (file: string) => void, seen = new Set<string>()): void {
  let real: string;
  try {
    real = realpathSync(dir);
  } catch {
    real = resolve(dir);
  }
  if (seen.has(real)) return;
  seen.add(real);
  for (const entry of readdirSync(dir).sort()) {
    if (skipped(entry)) continue;
    const path = join(dir, entry);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      continue;
    } // a dangling link is not an error of the run
    if (stat.isDirectory()) {
      walk(path, visit, seen);
    } else if (stat.isFile()) {
      let file: string;
      try {
        file = realpathSync(path);
      } catch {
        file = path;
      }
      if (seen.has(file)) continue;
      seen.add(file);
      visit(path);
    }
  }
}

/** The real path of a file (links resolved), or the path itself when it cannot be resolved. */
export function realPath(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

function errnoOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message;
}

/** A file to check: its absolute path, and whether the command line named it (not found in a folder or by a glob). */
export interface FoundFile {
  path: string;
  named: boolean;
}

/**
 * The files a target names, in a stable order. An existing path is used as it is (a file
 * is always checked; a folder yields its manifests and MOF files); otherwise a glob yields
 * the manifests and MOF files it matches. Throws `TargetError` for a path that does not
 * exist or a glob that matches no file at all.
 */
export function expandTarget(target: string, cwd: string, isCandidate: IsCandidate): FoundFile[] {
  const path = resolve(cwd, target);
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    const scan = picomatch.scan(target);
    if (!scan.isGlob) throw new TargetError(`cannot read ${target}: ${errnoOf(error)}`);
    return expandGlob(target, cwd, isCandidate).map((file) => ({ path: file, named: false }));
  }
  if (!stat.isDirectory()) return [{ path, named: true }];
  const files: FoundFile[] = [];
  try {
    walk(path, (file) => {
      if (isCandidate(file)) files.push({ path: file, named: false });
    });
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
      walk(base, (file) => {
        if (isMatch(relative(base, file).split(sep).join('/'))) matched.push(file);
      });
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

/** All of stdin, synchronously (retrying when stdin is a non-blocking pipe), decoded as UTF-8 (`decodeUtf8`). */
export function readStdin(): string {
  const chunks: Buffer[] = [];
  const buffer = Buffer.alloc(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, buffer, 0, buffer.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if (code === 'EOF') break;
      throw error;
    }
    if (n === 0) break;
    chunks.push(Buffer.from(buffer.subarray(0, n)));
  }
  return decodeUtf8(Buffer.concat(chunks));
}

/** Thrown for bytes that are not UTF-8: the message says where (`line N, byte M`). */
export class EncodingError extends Error {}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The text of a file's bytes. Files are UTF-8 (as YAML 1.2 and the editors expect); bytes
 * that are not (Latin-1, binary) throw `EncodingError` rather than being replaced silently
 * with U+FFFD. A byte order mark stays in the text, as before.
 */
export function decodeUtf8(bytes: Buffer): string {
  try {
    return utf8.decode(bytes);
  } catch {
    // Where: the first U+FFFD of the lenient decoding that the bytes do not spell out.
    const lenient = bytes.toString('utf8');
    let byte = 0;
    for (let i = 0; i < lenient.length; i++) {
      const code = lenient.codePointAt(i)!;
      const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
      if (code === 0xfffd && !(bytes[byte] === 0xef && bytes[byte + 1] === 0xbf && bytes[byte + 2] === 0xbd)) {
        const line = lenient.slice(0, i).split('\n').length;
        throw new EncodingError(
          `not valid UTF-8 (line ${line}, byte ${byte + 1}: 0x${bytes[byte].toString(16).padStart(2, '0')})`,
        );
      }
      if (code > 0xffff) i++;
      byte += code === 0xfffd ? 3 : size;
    }
    throw new EncodingError('not valid UTF-8');
  }
}
