/**
 * Loads a bundle (CommonJS) through V8's code cache, so that a start does not compile the
 * bundle again: compiling it and the functions the first check runs is ~40% of what
 * `osai-check` on one file or a server's first diagnostics cost on top of Node's own start.
 *
 * The cache is per user (`OSAI_CACHE_DIR`, else the platform's cache folder + `osai`; relative
 * roots are ignored, as the XDG spec says), per bundle content (the hash the build wrote in
 * `bundles.json` beside the bundles is in the file name: V8 itself only checks the source's
 * length; without a recorded hash, as in watch builds, there is no cache) and per Node version.
 * It is written when missing or rejected, after the first work (at exit, or a few seconds after
 * start for a server), from what was compiled by then.
 *
 * V8 checks a cache's header, not its data, and runs damaged code; so a cache file starts with a
 * SHA-256 of the rest, checked first (a mismatch is deleted and rewritten). Cached code runs with
 * the user's rights; so on POSIX a folder that is not the user's own, or that others can write
 * to, is not used (a warning on stderr), a missing one is made private, and a cache is written
 * through a temporary file of a random name created exclusively. Anything that goes wrong falls
 * back to a plain `require`. `OSAI_COMPILE_CACHE=0` turns it off.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- it loads bundles by path, and node:crypto only when used */
import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { Script } from 'node:vm';

/** Beside the bundles: each bundle's content hash, written by the build (scripts/build.mjs). */
export const BUNDLE_HASHES = 'bundles.json';

/** A server writes its cache this long after start (its first document has been checked by then), or at exit. */
export const SERVER_WRITE_AFTER_MS = 3000;

/** The cache folder, or none when no absolute one is known (a relative one would follow the working directory). */
export function cacheDirectory(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const absolute = (path: string | undefined) => (path && isAbsolute(path) ? path : undefined);
  let folder = absolute(env.OSAI_CACHE_DIR);
  if (folder) return folder;
  if (process.platform === 'win32')
    folder = join(absolute(env.LOCALAPPDATA) ?? join(homedir(), 'AppData', 'Local'), 'osai', 'cache');
  else if (process.platform === 'darwin') folder = join(homedir(), 'Library', 'Caches', 'osai');
  else folder = join(absolute(env.XDG_CACHE_HOME) ?? join(homedir(), '.cache'), 'osai');
  return absolute(folder);
}

/** Loaded only when there is a cache to check or write: loading it costs a few ms of a start. */
const nodeCrypto = (): typeof import('node:crypto') => require('node:crypto') as typeof import('node:crypto');

const DIGEST_BYTES = 32;

/**
 * The digest a cache file starts with: its name too, so that data renamed to another bundle's or Node's cache does not
 * pass.
 */
export function codeCacheDigest(name: string, data: Uint8Array): Buffer {
  return nodeCrypto().createHash('sha256').update(name).update(data).digest();
}

/** V8's data in a cache file's content, if the digest says it is intact. */
export function verifiedCodeCache(name: string, content: Buffer): Buffer | undefined {
  if (content.length <= DIGEST_BYTES) return undefined;
  const data = content.subarray(DIGEST_BYTES);
  return codeCacheDigest(name, data).equals(content.subarray(0, DIGEST_BYTES)) ? data : undefined;
}

/**
 * The cache folder, made if missing, if it is the user's own and no one else may write in it;
 * else none (a warning when it is someone else's or shared: the user should know why starts are slower).
 */
function privateFolder(): string | undefined {
  const folder = cacheDirectory();
  if (!folder) return undefined;
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const stats = statSync(folder);
  if (!stats.isDirectory()) return undefined;
  if (process.getuid && (stats.uid !== process.getuid() || (stats.mode & 0o022) !== 0)) {
    process.stderr.write(
      `osai: no code cache: ${folder} must be a folder of your own that no one else can write to (mode 700)\n`,
    );
    return undefined;
  }
  return folder;
}

/**
 * `require(file)`, compiled with the cached code when there is some. `writeAfterMs` (servers)
 * writes a missing cache that long after loading instead of only at exit.
 */
export function requireCached(file: string, options: { writeAfterMs?: number } = {}): unknown {
  if (process.env.OSAI_COMPILE_CACHE === '0') return require(file);
  let script: Script;
  let cacheFile: string;
  let cachedData: Buffer | undefined;
  try {
    const hash = (JSON.parse(readFileSync(join(dirname(file), BUNDLE_HASHES), 'utf8')) as Record<string, unknown>)[
      basename(file)
    ];
    if (typeof hash !== 'string' || !/^[0-9a-f]{16,}$/.test(hash)) return require(file);
    const folder = privateFolder();
    if (!folder) return require(file);
    const source = readFileSync(file, 'utf8');
    const name = `${basename(file)}-${hash}-${process.version}-${process.arch}.v8cache`;
    cacheFile = join(folder, name);
    let content: Buffer | undefined;
    try {
      content = readFileSync(cacheFile);
    } catch {
      content = undefined;
    }
    cachedData = content && verifiedCodeCache(name, content);
    if (content && !cachedData) rmSync(cacheFile, { force: true });
    script = new Script(Module.wrap(source), { filename: file, cachedData });
  } catch {
    return require(file);
  }
  const compiled = script.runInThisContext() as (
    exports: unknown,
    require: NodeJS.Require,
    module: Module,
    filename: string,
    dirname: string,
  ) => void;
  const module = new Module(file, undefined);
  module.filename = file;
  module.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(file));
  compiled.call(module.exports, module.exports, Module.createRequire(file), module, file, dirname(file));
  module.loaded = true;
  if (!cachedData || script.cachedDataRejected) {
    let written = false;
    const write = () => {
      if (written) return;
      written = true;
      writeCache(cacheFile, file, script);
    };
    process.once('exit', write);
    if (options.writeAfterMs !== undefined) setTimeout(write, options.writeAfterMs).unref();
  }
  return module.exports;
}

/**
 * Writes the cache atomically: a temporary file of a random name, created exclusively (`wx`
 * fails on anything there, a link included, so nothing is written through one), then renamed.
 * The temporary file is removed whatever fails. Then removes this bundle's older caches and
 * other temporary files (left by killed runs; one being written at this moment just fails to land).
 */
function writeCache(cacheFile: string, bundle: string, script: Script): void {
  let temporary: string | undefined;
  try {
    const data = script.createCachedData();
    const digest = codeCacheDigest(basename(cacheFile), data);
    const name = `${cacheFile}.${nodeCrypto().randomBytes(8).toString('hex')}.tmp`;
    const fd = openSync(name, 'wx', 0o600);
    temporary = name;
    try {
      writeFileSync(fd, digest);
      writeFileSync(fd, data);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, cacheFile);
    temporary = undefined;
    const folder = dirname(cacheFile);
    const prefix = `${basename(bundle)}-`;
    for (const name of readdirSync(folder)) {
      if (
        name.startsWith(prefix) &&
        (name.endsWith('.v8cache') || name.endsWith('.tmp')) &&
        join(folder, name) !== cacheFile
      )
        rmSync(join(folder, name), { force: true });
    }
  } catch {
    // No cache this time: the next start compiles again.
  } finally {
    if (temporary)
      try {
        rmSync(temporary, { force: true });
      } catch {
        /* nothing more to do */
      }
  }
}
