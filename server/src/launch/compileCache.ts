/**
 * Loads a bundle (CommonJS) through V8's code cache, so that a start does not compile the
 * bundle again: compiling it and the functions the first check runs is ~40% of what
 * `osai-check` on one file or a server's first diagnostics cost on top of Node's own start.
 *
 * The cache is per user (`OSAI_CACHE_DIR`, else the platform's cache folder + `osai`, made
 * private), per bundle content (the hash the build wrote in `bundles.json` beside the bundles is
 * in the file name: V8 itself only checks the source's length; without a recorded hash, as in
 * watch builds, there is no cache) and per Node version. It is written when missing or rejected, after
 * the first work (at exit, or a few seconds after start for a server), from what was compiled
 * by then. Anything that goes wrong falls back to a plain `require`. `OSAI_COMPILE_CACHE=0`
 * turns it off.
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import Module from 'node:module';
import { homedir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { Script } from 'node:vm';

/** Beside the bundles: each bundle's content hash, written by the build (scripts/build.mjs). */
export const BUNDLE_HASHES = 'bundles.json';

/** A server writes its cache this long after start (its first document has been checked by then), or at exit. */
export const SERVER_WRITE_AFTER_MS = 3000;

export function cacheDirectory(env: NodeJS.ProcessEnv = process.env): string {
  if (env.OSAI_CACHE_DIR) return env.OSAI_CACHE_DIR;
  if (process.platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'osai', 'cache');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'osai');
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'osai');
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
    const hash = (JSON.parse(readFileSync(join(dirname(file), BUNDLE_HASHES), 'utf8')) as Record<string, unknown>)[basename(file)];
    if (typeof hash !== 'string' || !/^[0-9a-f]{16,}$/.test(hash)) return require(file);
    const source = readFileSync(file, 'utf8');
    cacheFile = join(cacheDirectory(), `${basename(file)}-${hash}-${process.version}-${process.arch}.v8cache`);
    try { cachedData = readFileSync(cacheFile); } catch { cachedData = undefined; }
    script = new Script(Module.wrap(source), { filename: file, cachedData });
  } catch {
    return require(file);
  }
  const compiled = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
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

/** Writes the cache atomically (a private folder; a temporary file renamed) and removes this bundle's older caches. */
function writeCache(cacheFile: string, bundle: string, script: Script): void {
  try {
    const folder = dirname(cacheFile);
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    const temporary = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
    renameSync(temporary, cacheFile);
    const prefix = `${basename(bundle)}-`;
    for (const name of readdirSync(folder)) {
      if (name.startsWith(prefix) && name.endsWith('.v8cache') && join(folder, name) !== cacheFile) rmSync(join(folder, name), { force: true });
    }
  } catch {
    // No cache this time: the next start compiles again.
  }
}

