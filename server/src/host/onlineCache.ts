/**
 * The online answers kept between runs on Node: one JSON file per entry in a per-user cache folder,
 * named by the SHA-256 of its key, so any key is a safe file name. A cache is a convenience: every
 * failure (a read-only or missing folder, a corrupt or foreign file, a full disk) is a miss, never
 * an error. How old an entry may be is the caller's decision (`storedAt`); the store only bounds
 * its size: entries over 2 MiB are not kept, and the folder is pruned to its newest 2000.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join, posix, win32 } from 'node:path';
import type { OnlineAnswer } from '../service/online/answer';
import type { CachedAnswer, OnlineCacheStore } from '../service/online/fetcher';

const MAX_ENTRY_BYTES = 2 * 1024 * 1024;
const MAX_ENTRIES = 2000;
/** The folder is pruned on a store's first write and every this many writes after. */
const PRUNE_EVERY = 100;
/** Headers that are the user's or a session's: never written, whatever the caller gives. */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

export function diskCache(dir: string): OnlineCacheStore {
  let writes = 0;
  return {
    async get(key) {
      try {
        const file = join(dir, fileName(key));
        if ((await stat(file)).size > MAX_ENTRY_BYTES) return undefined;
        return entry(JSON.parse(await readFile(file, 'utf8')));
      } catch {
        return undefined;
      }
    },
    async set(key, value) {
      try {
        const text = JSON.stringify(entry(value));
        if (text === undefined || Buffer.byteLength(text) > MAX_ENTRY_BYTES) return;
        await mkdir(dir, { recursive: true, mode: 0o700 });
        const file = join(dir, fileName(key));
        // Written aside, then renamed over: a reader sees the old entry or the new one, never half.
        const temp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
        try {
          await writeFile(temp, text, { mode: 0o600 });
          await rename(temp, file);
        } catch (error) {
          await unlink(temp).catch(() => undefined);
          throw error;
        }
        if (writes++ % PRUNE_EVERY === 0) await prune(dir);
      } catch {
        // Not kept: the next run asks the network again.
      }
    },
  };
}

const fileName = (key: string): string => `${createHash('sha256').update(key).digest('hex')}.json`;

/** A well-formed entry without secret headers, or undefined (a file from elsewhere, or damaged). */
function entry(value: unknown): CachedAnswer | undefined {
  const v = value as Partial<CachedAnswer> | null;
  const answer = v?.answer as Partial<OnlineAnswer> | undefined;
  if (typeof v?.url !== 'string' || typeof v.storedAt !== 'number' || !Number.isFinite(v.storedAt)) return undefined;
  if (typeof answer?.status !== 'number' || typeof answer.body !== 'string') return undefined;
  if (typeof answer.headers !== 'object' || answer.headers === null) return undefined;
  const headers: Record<string, string> = {};
  for (const [name, text] of Object.entries(answer.headers))
    if (typeof text === 'string' && !SECRET_HEADERS.has(name.toLowerCase())) headers[name] = text;
  return { url: v.url, storedAt: v.storedAt, answer: { status: answer.status, headers, body: answer.body } };
}

/** Keeps the newest MAX_ENTRIES entries (by when they were written), and clears temp files left by a crash. */
async function prune(dir: string): Promise<void> {
  const names = await readdir(dir);
  const now = Date.now();
  const entries: { path: string; mtime: number }[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) continue;
    if (name.endsWith('.tmp')) {
      // Another process's write in progress is younger than this.
      if (now - info.mtimeMs > 60 * 60 * 1000) await unlink(path).catch(() => undefined);
    } else if (/^[0-9a-f]{64}\.json$/.test(name)) entries.push({ path, mtime: info.mtimeMs });
  }
  entries.sort((a, b) => a.mtime - b.mtime);
  for (const old of entries.slice(0, Math.max(0, entries.length - MAX_ENTRIES)))
    await unlink(old.path).catch(() => undefined);
}

/**
 * Where the cache lives by the platform's convention: `$XDG_CACHE_HOME/osai-manifest/online` (an
 * absolute one, as the XDG specification requires) or `~/.cache/osai-manifest/online`;
 * `~/Library/Caches/osai-manifest/online` on macOS; `%LOCALAPPDATA%\osai-manifest\Cache\online` on
 * Windows.
 */
export function defaultCacheDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA || win32.join(home, 'AppData', 'Local');
    return win32.join(local, 'osai-manifest', 'Cache', 'online');
  }
  if (platform === 'darwin') return posix.join(home, 'Library', 'Caches', 'osai-manifest', 'online');
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && posix.isAbsolute(xdg) ? xdg : posix.join(home, '.cache');
  return posix.join(base, 'osai-manifest', 'online');
}
