/**
 * The code cache the command line and the server start with (server/src/launch/compileCache.ts):
 * written once per bundle content and Node version, used after, harmless when absent, corrupt,
 * turned off or unwritable; damaged data never reaches V8, a folder others can write to is not
 * used, and nothing is written outside the cache folder or left behind.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  chownSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { codeCacheDigest, verifiedCodeCache } from '../../server/src/launch/compileCache';
import { ROOT } from '../helpers';
import { BIN } from './run';

const EXAMPLE = join(ROOT, 'examples', 'olmo-7b.osai.yaml');
const BAD = join(ROOT, 'test', 'fixtures', 'manifests', 'bad-licenses.osai.yaml');

describe('the code cache', () => {
  let root: string;
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'osai-cache-test-'));
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  const run = (
    cacheDir: string,
    file: string,
    env: NodeJS.ProcessEnv = {},
    options: { cwd?: string; execArgv?: string[] } = {},
  ) => {
    const r = spawnSync(process.execPath, [...(options.execArgv ?? []), BIN, '--format', 'json', file], {
      encoding: 'utf8',
      cwd: options.cwd,
      env: { ...process.env, OSAI_CACHE_DIR: cacheDir, ...env },
    });
    return { code: r.status, signal: r.signal, stdout: r.stdout, stderr: r.stderr };
  };
  /** What a run prints without a cache: every run below prints the same. */
  const uncached = (options: { cwd?: string } = {}) =>
    run(join(root, 'unused'), BAD, { OSAI_COMPILE_CACHE: '0' }, options);
  const expectedName = () => {
    const hash = (
      JSON.parse(readFileSync(join(ROOT, 'server', 'out', 'bundles.json'), 'utf8')) as Record<string, string>
    )['cli.js'];
    return `cli.js-${hash}-${process.version}-${process.arch}.v8cache`;
  };

  test("written at the first run, named by the bundle's content hash and the Node version, then used as it is", () => {
    const dir = join(root, 'first');
    const plain = run(join(root, 'unused'), BAD, { OSAI_COMPILE_CACHE: '0' });
    const first = run(dir, BAD);
    assert.deepEqual(readdirSync(dir), [expectedName()]);
    const written = statSync(join(dir, expectedName()));
    assert.ok(written.size > 100_000, `${written.size} bytes of cache`);
    assert.equal(written.mode & 0o777, 0o600);
    assert.equal(statSync(dir).mode & 0o777, 0o700);
    const second = run(dir, BAD);
    // Same answers with and without the cache, and an accepted cache is not written again.
    assert.equal(first.code, 1);
    assert.deepEqual([second.code, second.stdout, second.stderr], [first.code, first.stdout, first.stderr]);
    assert.deepEqual([plain.code, plain.stdout, plain.stderr], [first.code, first.stdout, first.stderr]);
    assert.equal(statSync(join(dir, expectedName())).mtimeMs, written.mtimeMs);
  });

  test('a corrupt cache is rejected and replaced; the run is right either way', () => {
    const dir = join(root, 'corrupt');
    run(dir, EXAMPLE);
    writeFileSync(join(dir, expectedName()), Buffer.alloc(5000, 7));
    const r = run(dir, EXAMPLE);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '1 file checked: 0 errors, 0 warnings\n');
    assert.ok(statSync(join(dir, expectedName())).size > 100_000, 'replaced by a real cache');
  });

  test('OSAI_COMPILE_CACHE=0 writes nothing; an unwritable cache folder is no error', () => {
    const off = join(root, 'off');
    assert.equal(run(off, EXAMPLE, { OSAI_COMPILE_CACHE: '0' }).code, 0);
    assert.throws(() => readdirSync(off), /ENOENT/);
    const blocked = join(root, 'a-file');
    writeFileSync(blocked, 'not a folder');
    const r = run(blocked, EXAMPLE);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stderr, '1 file checked: 0 errors, 0 warnings\n');
  });

  /** Past the file's digest (32 bytes) and V8's own header (which V8 checks): data V8 would run as it is. */
  const DAMAGE_FROM = 32 + 64;

  test(
    'a damaged cache (data zeroed, or bytes flipped) is caught before V8 ' +
      'runs it: the run is right and the cache rewritten',
    () => {
      const dir = join(root, 'damaged');
      const plain = uncached();
      run(dir, BAD);
      const cache = join(dir, expectedName());
      const good = readFileSync(cache);
      const zeroed = Buffer.from(good).fill(0, DAMAGE_FROM);
      const flipped = Buffer.from(good);
      for (let i = DAMAGE_FROM; i < flipped.length; i += 4099) flipped[i] ^= 0xff;
      for (const damaged of [zeroed, flipped]) {
        writeFileSync(cache, damaged);
        assert.deepEqual(run(dir, BAD), plain);
        const rewritten = readFileSync(cache);
        assert.ok(verifiedCodeCache(expectedName(), rewritten), 'the rewritten cache verifies');
        assert.deepEqual(readdirSync(dir), [expectedName()]);
        // Used as it is by the next run.
        const inode = statSync(cache).ino;
        assert.deepEqual(run(dir, BAD), plain);
        assert.equal(statSync(cache).ino, inode);
      }
    },
  );

  /** A cache that verifies but crashes V8 (its data zeroed): what someone who can write the folder could plant. */
  const planted = () => {
    const dir = join(root, 'source-of-planted');
    run(dir, BAD);
    const data =
      verifiedCodeCache(expectedName(), readFileSync(join(dir, expectedName()))) ??
      assert.fail('no cache to start from');
    const zeroed = Buffer.from(data).fill(0, 64);
    return Buffer.concat([codeCacheDigest(expectedName(), zeroed), zeroed]);
  };
  const warning = (dir: string) =>
    `osai: no code cache: ${dir} must be a folder of your own that no one else can write to (mode 700)\n`;
  const assertNotUsed = (dir: string, plant: Buffer) => {
    writeFileSync(join(dir, expectedName()), plant);
    const plain = uncached();
    for (let i = 0; i < 2; i++) {
      assert.deepEqual(run(dir, BAD), { ...plain, stderr: warning(dir) + plain.stderr });
      assert.deepEqual(readdirSync(dir), [expectedName()]);
      assert.ok(readFileSync(join(dir, expectedName())).equals(plant), 'left as it was');
    }
  };

  test('a cache folder others can write to (mode 777) is not used: one warning, nothing read or written', () => {
    const dir = mkdtempSync(join(root, 'shared-'));
    chmodSync(dir, 0o777);
    assertNotUsed(dir, planted());
  });

  test(
    'a cache folder of another user (uid 1) is not used: one warning, nothing read or written',
    { skip: process.getuid?.() !== 0 && 'chown needs root' },
    () => {
      const dir = mkdtempSync(join(root, 'theirs-'));
      chownSync(dir, 1, 1);
      assert.equal(statSync(dir).mode & 0o777, 0o700);
      assertNotUsed(dir, planted());
    },
  );

  test(
    "links planted at the cache's name and at its old predictable temporary " +
      'names are not followed: nothing is written outside the folder',
    () => {
      const dir = join(root, 'links');
      const outside = join(root, 'outside');
      mkdirSync(dir, { mode: 0o700 });
      mkdirSync(outside);
      writeFileSync(join(outside, 'victim'), 'untouched');
      // Planted by the run's own process, before the command line starts: `<cache>.<pid>.tmp` was the old temporary
      // name.
      const plant = join(root, 'plant.cjs');
      writeFileSync(
        plant,
        `const { symlinkSync } = require('node:fs');
const cache = ${JSON.stringify(join(dir, expectedName()))};
const outside = ${JSON.stringify(outside)};
symlinkSync(outside + '/victim', cache);
symlinkSync(outside + '/victim', cache + '.' + process.pid + '.tmp');
symlinkSync(outside + '/created', cache + '.tmp');
`,
      );
      const plain = uncached();
      assert.deepEqual(run(dir, BAD, {}, { execArgv: ['--require', plant] }), plain);
      assert.deepEqual(readdirSync(outside), ['victim']);
      assert.equal(readFileSync(join(outside, 'victim'), 'utf8'), 'untouched');
      // The links are gone (removed, not followed), and the cache is a file of its own that verifies.
      assert.deepEqual(readdirSync(dir), [expectedName()]);
      assert.ok(statSync(join(dir, expectedName())).isFile());
      assert.ok(verifiedCodeCache(expectedName(), readFileSync(join(dir, expectedName()))), 'the cache verifies');
    },
  );

  test(
    'a relative OSAI_CACHE_DIR or XDG_CACHE_HOME is ignored: nothing is written under the working directory',
    { skip: process.platform !== 'linux' && 'XDG_CACHE_HOME is read on Linux' },
    () => {
      const cwd = join(root, 'cwd');
      const home = join(root, 'home');
      const xdg = join(root, 'xdg');
      mkdirSync(cwd);
      mkdirSync(home);
      const plain = uncached({ cwd });
      // A relative OSAI_CACHE_DIR: the default folder instead.
      assert.deepEqual(run('relative-cache', BAD, { XDG_CACHE_HOME: xdg, HOME: home }, { cwd }), plain);
      assert.deepEqual(readdirSync(cwd), []);
      assert.deepEqual(readdirSync(join(xdg, 'osai')), [expectedName()]);
      // A relative XDG_CACHE_HOME: ~/.cache instead.
      assert.deepEqual(
        run('', BAD, { OSAI_CACHE_DIR: undefined, XDG_CACHE_HOME: 'relative-xdg', HOME: home }, { cwd }),
        plain,
      );
      assert.deepEqual(readdirSync(cwd), []);
      assert.deepEqual(readdirSync(join(home, '.cache', 'osai')), [expectedName()]);
    },
  );

  test("a folder at the cache file's name: the runs are right and leave no temporary file behind", () => {
    const dir = join(root, 'taken');
    mkdirSync(join(dir, expectedName()), { recursive: true });
    writeFileSync(join(dir, expectedName(), 'keep'), 'kept');
    const plain = uncached();
    for (let i = 0; i < 2; i++) {
      assert.deepEqual(run(dir, BAD), plain);
      assert.deepEqual(readdirSync(dir), [expectedName()]);
      assert.deepEqual(readdirSync(join(dir, expectedName())), ['keep']);
    }
  });
});
