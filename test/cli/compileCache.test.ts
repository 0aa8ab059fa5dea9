/**
 * The code cache the command line and the server start with (server/src/launch/compileCache.ts):
 * written once per bundle content and Node version, used after, harmless when absent, corrupt,
 * turned off or unwritable.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT } from '../helpers';
import { BIN } from './run';

const EXAMPLE = join(ROOT, 'examples', 'olmo-7b.osai.yaml');
const BAD = join(ROOT, 'test', 'fixtures', 'manifests', 'bad-licenses.osai.yaml');

describe('the code cache', () => {
  let root: string;
  before(() => { root = mkdtempSync(join(tmpdir(), 'osai-cache-test-')); });
  after(() => rmSync(root, { recursive: true, force: true }));

  const run = (cacheDir: string, file: string, env: NodeJS.ProcessEnv = {}) => {
    const r = spawnSync(process.execPath, [BIN, '--format', 'json', file], { encoding: 'utf8', env: { ...process.env, OSAI_CACHE_DIR: cacheDir, ...env } });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const expectedName = () => {
    const hash = (JSON.parse(readFileSync(join(ROOT, 'server', 'out', 'bundles.json'), 'utf8')) as Record<string, string>)['cli.js'];
    return `cli.js-${hash}-${process.version}-${process.arch}.v8cache`;
  };

  test('written at the first run, named by the bundle\'s content hash and the Node version, then used as it is', () => {
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
});
