import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT } from '../helpers';

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'osai-check.js'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test(
  'osai-check examples (the hand-written ones): the Llama license line, ' +
    "each missing data-information element, the MOF file's OSAID gaps",
  () => {
    const r = cli('examples/{*.osai.yaml,models/*.yml}');
    assert.equal(r.code, 1);
    const errors = r.stdout
      .split('\n')
      .filter((l) => / error /.test(l))
      .map((l) => l.split(' ').slice(0, 3).join(' '));
    assert.deepEqual(errors, [
      'examples/llama-style.osai.yaml:12:14 error license/restricted',
      'examples/missing-data-information.osai.yaml:19:1 error osaid/missing',
      'examples/missing-data-information.osai.yaml:21:3 error osaid/missing',
      'examples/missing-data-information.osai.yaml:21:3 error osaid/missing',
      'examples/missing-data-information.osai.yaml:21:3 error osaid/missing',
      'examples/missing-data-information.osai.yaml:21:3 error osaid/missing',
      'examples/missing-data-information.osai.yaml:21:3 error osaid/missing',
      ...Array(5).fill('examples/models/Granite-4-1.yml:15:3 error osaid/missing'),
    ]);
    assert.ok(!r.stdout.includes('olmo-7b'), 'the complete example has no findings');
    assert.match(r.stderr, /^4 files checked: 12 errors, 1 warning$/m);
  },
);

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

test('--format table: one row per file with the verdict or the MOF class', () => {
  const r = cli(
    '--format',
    'table',
    'examples/olmo-7b.osai.yaml',
    'test/fixtures/mof/OLMo-7B.yml',
    'test/fixtures/mof/Granite-4-1.yml',
    'test/fixtures/mof/Llama-3-8B.yml',
  );
  assert.equal(r.code, 1);
  const rows = r.stdout
    .trimEnd()
    .split('\n')
    .map((l) => l.split(/ {2,}/));
  assert.deepEqual(rows[0], ['file', 'kind', 'verdict', 'class', 'errors', 'warnings']);
  assert.deepEqual(
    rows.slice(2).map((row) => [row[0], row[1], row[2], row[3].split(' · ')[0]]),
    [
      ['examples/olmo-7b.osai.yaml', 'OSAID manifest', '✓ Meets the OSAID 1.0 checks', '-'],
      // OLMo's MOF file lists no `Supporting libraries and tools` component, which OSAID requires.
      ['test/fixtures/mof/OLMo-7B.yml', 'MOF model', '✗ 1 unmet OSAID 1.0 requirement', 'MOF Class I — Open Science'],
      [
        'test/fixtures/mof/Granite-4-1.yml',
        'MOF model',
        '✗ 5 unmet OSAID 1.0 requirements',
        'MOF Class III — Open Model',
      ],
      // Llama 3: architecture and weights under the Llama license, the paper `unlicensed`, five code components absent.
      ['test/fixtures/mof/Llama-3-8B.yml', 'MOF model', '✗ 8 unmet OSAID 1.0 requirements', 'MOF unclassified'],
    ],
  );
});

test('folders: MOF files are found by content, other YAML files are left alone', () => {
  const r = cli('--format', 'table', 'test/fixtures/mof', 'test/fixtures/manifests/complete.osai.yaml');
  const files = r.stdout
    .trimEnd()
    .split('\n')
    .slice(2)
    .map((l) => l.split(/ {2,}/)[0]);
  assert.deepEqual(files, [
    'test/fixtures/mof/BLOOM.yml',
    'test/fixtures/mof/Granite-4-1.yml',
    'test/fixtures/mof/Llama-3-8B.yml',
    'test/fixtures/mof/Mistral-7B-v0.1.yml',
    'test/fixtures/mof/OLMo-7B.yml',
    'test/fixtures/mof/Pythia-1B.yml',
    'test/fixtures/mof/gemma-7b.yml',
    'test/fixtures/manifests/complete.osai.yaml',
  ]);
  const other = cli('.github-never-exists.yml');
  assert.equal(other.code, 2);
  // A file named explicitly must be checked: one that no format claims fails the run.
  const plain = cli('package-lock.json');
  assert.equal(plain.code, 2);
  assert.match(
    plain.stderr,
    /package-lock\.json is neither an OSAID manifest, a MOF model file nor a model or dataset card; not checked/,
  );
  assert.equal(cli('--format', 'xml', 'examples').code, 2);
});

test('the Llama license is reported as restricted on each MOF component that carries it', () => {
  const r = cli('test/fixtures/mof/Llama-3-8B.yml');
  const restricted = r.stdout
    .split('\n')
    .filter((l) => l.includes(' license/restricted '))
    .map((l) => l.split(' ')[0]);
  assert.deepEqual(restricted, ['test/fixtures/mof/Llama-3-8B.yml:19:17', 'test/fixtures/mof/Llama-3-8B.yml:23:17']);
});

test('cards: README.md files found in folders when they are cards; kind modelcard / datasetcard in JSON', () => {
  const table = cli('--format', 'table', 'examples/cards');
  assert.deepEqual(
    table.stdout
      .trimEnd()
      .split('\n')
      .slice(2)
      .map((l) => l.split(/ {2,}/).slice(0, 2)),
    [
      ['examples/cards/dataset/README.md', 'Dataset card'],
      ['examples/cards/model/README.md', 'Model card'],
    ],
  );
  const json = JSON.parse(
    cli('--format', 'json', 'examples/cards', 'test/fixtures/cards/models/codellama--CodeLlama-13b-hf.md').stdout,
  ) as { files: Array<{ file: string; kind: string; diagnostics: Array<{ code: string }> }> };
  assert.deepEqual(
    json.files.map((f) => [f.file, f.kind]),
    [
      ['examples/cards/dataset/README.md', 'datasetcard'],
      ['examples/cards/model/README.md', 'modelcard'],
      ['test/fixtures/cards/models/codellama--CodeLlama-13b-hf.md', 'modelcard'],
    ],
  );
  // Code Llama's card says `license: llama2`: restricted terms for the weights.
  assert.deepEqual(
    json.files[2].diagnostics.map((d) => d.code),
    ['license/restricted'],
  );
  // Other Markdown in a folder is not a card, and not checked.
  assert.equal(cli('docs').code, 2);
});
