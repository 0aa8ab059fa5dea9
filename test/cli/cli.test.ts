import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../helpers';

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'osai-check.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('osai-check examples/: the Llama license line and each missing data-information element', () => {
  const r = cli('examples');
  assert.equal(r.code, 1);
  const errors = r.stdout.split('\n').filter((l) => / error /.test(l)).map((l) => l.split(' ').slice(0, 3).join(' '));
  assert.deepEqual(errors, [
    'examples/llama-style.osai.yaml:12:14 error license/restricted',
    'examples/missing-data-information.osai.yaml:19:1 error osaid/missing',
    'examples/missing-data-information.osai.yaml:21:3 error osaid/missing',
    'examples/missing-data-information.osai.yaml:21:3 error osaid/missing',
    'examples/missing-data-information.osai.yaml:21:3 error osaid/missing',
    'examples/missing-data-information.osai.yaml:21:3 error osaid/missing',
    'examples/missing-data-information.osai.yaml:21:3 error osaid/missing',
  ]);
  assert.ok(!r.stdout.includes('olmo-7b'), 'the complete example has no findings');
  assert.match(r.stderr, /^3 manifests checked: 7 errors, 0 warnings$/m);
});

test('a clean manifest exits 0', () => {
  const r = cli('examples/olmo-7b.osai.yaml');
  assert.equal(r.code, 0);
  assert.equal(r.stdout, '');
});

test('usage and I/O errors exit 2 with a clear message', () => {
  assert.equal(cli().code, 2);
  const missing = cli('no/such/file.osai.yaml');
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /cannot read no\/such\/file\.osai\.yaml: ENOENT/);
  const bad = cli('--frobnicate', 'examples');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /unknown option --frobnicate/);
  const empty = cli('test/cli');
  assert.equal(empty.code, 2);
  assert.match(empty.stderr, /no manifests found/);
});
