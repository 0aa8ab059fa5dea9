/**
 * `osai-check` compares a release with its own files by default (test/fixtures/release-tree,
 * expected.json written by hand from its files); `--no-evidence` turns that off.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { JsonOutput } from '../../server/src/cli/formats';
import { ROOT } from '../helpers';
import { cli, runCli } from './run';

const TREE = 'test/fixtures/release-tree';
const EXPECTED = JSON.parse(readFileSync(join(ROOT, TREE, 'expected.json'), 'utf8')) as {
  diagnostics: Array<[string, string, string]>;
  components: Record<string, { state: string; license: string | null; agrees: boolean | null }>;
};

/**
 * `code@line:col-line:col` of a text line (`file:line:col severity code message`): the start only, as the text format
 * gives.
 */
const starts = EXPECTED.diagnostics.map(([at, severity]) => {
  const [, code, line, col] = /^(.+)@(\d+):(\d+)-/.exec(at)!;
  return `${TREE}/osai.yaml:${line}:${col} ${severity} ${code}`;
});

test("evidence is on by default: the findings of the release's files, and exit 1 for the mismatch that fails", () => {
  const r = cli(TREE);
  assert.equal(r.code, 1, r.stderr);
  const found = r.stdout
    .split('\n')
    .filter((l) => /(?:evidence|location)\//.test(l))
    .map((l) => l.split(' ').slice(0, 3).join(' '));
  assert.deepEqual(found, starts);
});

test('--no-evidence: the manifest alone (its declared licenses pass), exit 0', () => {
  const r = cli('--no-evidence', TREE);
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.doesNotMatch(r.stdout, /evidence\/|location\//);
});

test("--format json: each component's evidence (found, license, confidence, matches)", () => {
  const r = cli('--format', 'json', TREE);
  const out = JSON.parse(r.stdout) as JsonOutput;
  const evidence = out.files[0].evidence!;
  assert.equal(evidence.root, TREE);
  assert.deepEqual(
    Object.fromEntries(
      evidence.components.map((c) => [c.component, { state: c.state, license: c.license, agrees: c.agrees }]),
    ),
    EXPECTED.components,
  );
  const training = evidence.components.find((c) => c.component === 'code.training')!;
  assert.equal(training.found, true);
  assert.equal(training.location, './train');
  assert.deepEqual(
    training.matches.map((m) => [m.file, m.source, m.kind, m.ids]),
    [['./train/LICENSE.txt', 'file', 'match', ['Apache-2.0']]],
  );
  assert.ok(training.confidence! >= 0.9);
  const missing = evidence.components.find((c) => c.component === 'code.evaluation')!;
  assert.deepEqual([missing.found, missing.license, missing.confidence, missing.matches], [false, null, null, []]);
  const weights = out.files[0].checklist!.flatMap((g) => g.items).find((i) => i.id === 'parameters.weights')!;
  assert.equal(weights.status, 'not-open');
  assert.equal(weights.evidence?.state, 'disagrees');
  assert.equal(cli('--no-evidence', '--format', 'json', TREE).stdout.includes('"evidence": null'), true);
});

test('the report shows the evidence of each component', () => {
  const r = cli('--report', 'md', TREE);
  assert.match(
    r.stdout,
    /In the release \(evidence disagrees\): `\.\/weights\/LICENSE\.txt` is the Creative Commons Attribution Non Commercial 4\.0 International/,
  );
  assert.match(r.stdout, /In the release \(location not found\): `\.\/evaluation` does not exist/);
  assert.match(r.stdout, /In the release \(evidence agrees\): `\.\/train\/LICENSE\.txt` is the Apache License 2\.0/);
});

test('on disk: a symbolic link leading out of the repository is not followed; one inside it is', () => {
  const dir = mkdtempSync(join(tmpdir(), 'osai-cli-links-'));
  try {
    const repo = join(dir, 'repo');
    mkdirSync(join(repo, '.git'), { recursive: true });
    mkdirSync(join(dir, 'elsewhere'));
    mkdirSync(join(repo, 'third_party'));
    const apache = readFileSync(join(ROOT, 'test', 'fixtures', 'licenses', 'Apache-2.0--psf--requests--LICENSE'));
    writeFileSync(join(dir, 'elsewhere', 'LICENSE'), apache);
    writeFileSync(join(repo, 'third_party', 'LICENSE'), apache);
    symlinkSync(join(dir, 'elsewhere'), join(repo, 'out'));
    symlinkSync(join(repo, 'third_party'), join(repo, 'in'));
    writeFileSync(
      join(repo, 'osai.yaml'),
      'osaid: "1.0"\ncode:\n  training: {location: ./out, license: ' +
        'Apache-2.0}\n  inference: {location: ./in, license: Apache-2.0}\n',
    );
    const r = runCli(['--format', 'json', 'osai.yaml'], { cwd: repo });
    const out = JSON.parse(r.stdout) as JsonOutput;
    assert.deepEqual(
      out.files[0].evidence?.components.map((c) => [c.component, c.state, c.license]),
      [
        ['code.training', 'outside-root', null],
        ['code.inference', 'found', 'Apache-2.0'],
      ],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
