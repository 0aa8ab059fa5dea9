/**
 * The per-user disk cache of online answers: what it keeps and returns, what it never writes, how
 * it bounds itself, and that every failure is a silent miss.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { defaultCacheDir, diskCache } from '../../server/src/host/onlineCache';
import type { CachedAnswer } from '../../server/src/service/online/fetcher';

const roots: string[] = [];
after(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});
function tempDir(): string {
  const root = mkdtempSync(join(tmpdir(), 'osai-cache-'));
  roots.push(root);
  return root;
}

const sample = (storedAt = Date.UTC(2026, 0, 2), body = '{"id":"org/model"}'): CachedAnswer => ({
  url: 'https://huggingface.co/api/models/org/model',
  storedAt,
  answer: { status: 200, headers: { 'content-type': 'application/json', etag: '"abc"' }, body },
});

test('round trip: what is set is got, under any key, and storedAt is kept for the caller to judge', async () => {
  const dir = join(tempDir(), 'nested', 'online');
  const cache = diskCache(dir);
  const old = sample(Date.UTC(2020, 0, 1));
  await cache.set('hub:org/model', old);
  await cache.set('../../etc/passwd\0 with / and \\ and :*?', sample());
  assert.deepEqual(await cache.get('hub:org/model'), old);
  assert.deepEqual(await cache.get('../../etc/passwd\0 with / and \\ and :*?'), sample());
  assert.equal(await cache.get('never set'), undefined);
  // One file per entry inside the folder, named by a hash; no temp file left.
  const files = readdirSync(dir);
  assert.equal(files.length, 2);
  for (const name of files) assert.match(name, /^[0-9a-f]{64}\.json$/);
  // A newer answer replaces the older one.
  await cache.set('hub:org/model', sample(Date.UTC(2026, 5, 1), '{"id":"new"}'));
  assert.equal((await cache.get('hub:org/model'))?.answer.body, '{"id":"new"}');
  assert.equal(readdirSync(dir).length, 2);
});

test('a corrupt or foreign file is a miss', async () => {
  const dir = tempDir();
  const cache = diskCache(dir);
  await cache.set('k', sample());
  const [name] = readdirSync(dir);
  writeFileSync(join(dir, name), '{"url": "https://x", "storedAt": ');
  assert.equal(await cache.get('k'), undefined);
  writeFileSync(join(dir, name), JSON.stringify({ url: 'https://x', storedAt: 1, answer: { status: '200' } }));
  assert.equal(await cache.get('k'), undefined);
  writeFileSync(join(dir, name), 'null');
  assert.equal(await cache.get('k'), undefined);
});

test('a folder that cannot be made or written is a silent miss', async () => {
  const file = join(tempDir(), 'a-file');
  writeFileSync(file, 'not a folder');
  // Beneath a regular file: no folder can be made there, even by root.
  const cache = diskCache(join(file, 'online'));
  await cache.set('k', sample());
  assert.equal(await cache.get('k'), undefined);
});

test('authorization, cookie and set-cookie headers are never written', async () => {
  const dir = tempDir();
  const cache = diskCache(dir);
  const given = sample();
  const headers = {
    ...given.answer.headers,
    authorization: 'Bearer hf_SECRET1',
    Cookie: 'session=SECRET2',
    'set-cookie': 'token=SECRET3',
    'proxy-authorization': 'Basic SECRET4',
  };
  await cache.set('k', { ...given, answer: { ...given.answer, headers } });
  const [name] = readdirSync(dir);
  assert.doesNotMatch(readFileSync(join(dir, name), 'utf8'), /SECRET/);
  assert.deepEqual((await cache.get('k'))?.answer.headers, given.answer.headers);
});

test('an entry over 2 MiB is not stored', async () => {
  const dir = tempDir();
  const cache = diskCache(dir);
  await cache.set('big', sample(Date.now(), 'x'.repeat(2 * 1024 * 1024 + 1)));
  assert.equal(await cache.get('big'), undefined);
  assert.deepEqual(readdirSync(dir), []);
});

test('the folder is pruned to its 2000 newest entries, oldest first, and old temp files go', async () => {
  const dir = tempDir();
  const base = Date.UTC(2025, 0, 1) / 1000;
  const names: string[] = [];
  for (let i = 0; i < 2100; i++) {
    const name = `${i.toString(16).padStart(64, '0')}.json`;
    writeFileSync(join(dir, name), JSON.stringify(sample()));
    utimesSync(join(dir, name), base + i, base + i);
    names.push(name);
  }
  writeFileSync(join(dir, 'stale.json.0123.tmp'), '{');
  utimesSync(join(dir, 'stale.json.0123.tmp'), base, base);
  writeFileSync(join(dir, 'notes.txt'), 'not an entry');
  const cache = diskCache(dir);
  // The first write prunes.
  await cache.set('new', sample());
  const left = new Set(readdirSync(dir));
  assert.equal([...left].filter((name) => name.endsWith('.json')).length, 2000);
  assert.ok(
    names.slice(0, 101).every((name) => !left.has(name)),
    'the 101 oldest are gone',
  );
  assert.ok(names.slice(101).every((name) => left.has(name)));
  assert.ok(!left.has('stale.json.0123.tmp'));
  assert.ok(left.has('notes.txt'), 'files that are not entries are left alone');
  assert.deepEqual(await cache.get('new'), sample());
});

test('defaultCacheDir: XDG on Linux, Library/Caches on macOS, LOCALAPPDATA on Windows', () => {
  assert.equal(defaultCacheDir({}, 'linux', '/home/ada'), '/home/ada/.cache/osai-manifest/online');
  assert.equal(
    defaultCacheDir({ XDG_CACHE_HOME: '/var/cache/ada' }, 'linux', '/home/ada'),
    '/var/cache/ada/osai-manifest/online',
  );
  // A relative XDG_CACHE_HOME is ignored, as the specification says.
  assert.equal(
    defaultCacheDir({ XDG_CACHE_HOME: 'cache' }, 'linux', '/home/ada'),
    '/home/ada/.cache/osai-manifest/online',
  );
  assert.equal(defaultCacheDir({}, 'freebsd', '/home/ada'), '/home/ada/.cache/osai-manifest/online');
  assert.equal(
    defaultCacheDir({ XDG_CACHE_HOME: '/x' }, 'darwin', '/Users/ada'),
    '/Users/ada/Library/Caches/osai-manifest/online',
  );
  assert.equal(
    defaultCacheDir({ LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local' }, 'win32', 'C:\\Users\\ada'),
    'C:\\Users\\ada\\AppData\\Local\\osai-manifest\\Cache\\online',
  );
  assert.equal(
    defaultCacheDir({}, 'win32', 'C:\\Users\\ada'),
    'C:\\Users\\ada\\AppData\\Local\\osai-manifest\\Cache\\online',
  );
});
