/**
 * `osai-check --ignore-unknown`, the pre-commit hook's option: pre-commit names every staged YAML
 * and README file, and the ones that are none of the formats must neither fail the commit nor be
 * reported; a manifest that cannot be checked still fails it. (The bundled bin, as the hook runs it.)
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT } from '../helpers';
import { runCli } from '../cli/run';

const OLMO = readFileSync(join(ROOT, 'examples', 'olmo-7b.osai.yaml'), 'utf8');

describe('osai-check --ignore-unknown', () => {
  let dir: string;
  const write = (path: string, text: string | Buffer): void => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  /**
   * Files that are none of the formats: plain YAML, a workflow-like file, README files, YAML that is not UTF-8 and YAML
   * over the size limit.
   */
  const UNKNOWN = ['config/app.yaml', 'deploy.yml', 'docs/README.md', 'blog/README.md', 'legacy.yml', 'data/big.yaml'];

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'osai-ignore-unknown-'));
    write('config/app.yaml', 'server:\n  port: 8080\n');
    write('deploy.yml', 'on: push\njobs: {}\n');
    write('docs/README.md', '# Docs\n');
    write('blog/README.md', '---\ntitle: A post\nlayout: post\n---\nText.\n');
    write('legacy.yml', Buffer.from('name: caf\xe9\n', 'latin1'));
    // 6 + 200 × 14 = 2,806 bytes: over --max-file-size 2000
    write('data/big.yaml', `rows:\n${'  - [1, 2, 3]\n'.repeat(200)}`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('without it, each of these files named fails the run (exit 2)', () => {
    for (const file of UNKNOWN) {
      const r = runCli(['--max-file-size', '2000', file], { cwd: dir });
      assert.equal(r.code, 2, `${file}: ${r.stderr}`);
    }
  });

  test('with it, they are skipped: exit 0, nothing on stdout, 0 files checked', () => {
    const r = runCli(['--ignore-unknown', '--max-file-size', '2000', ...UNKNOWN], { cwd: dir });
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, '0 files checked: 0 errors, 0 warnings\n');
    assert.equal(r.code, 0);
  });

  test('a manifest among them is checked as usual; the others are not mentioned', () => {
    write('osai.yaml', OLMO.replace('license: CC-BY-4.0', 'license: CC-BY-NC-4.0'));
    try {
      const r = runCli(['--ignore-unknown', ...UNKNOWN, 'osai.yaml'], { cwd: dir });
      const lines = r.stdout.trimEnd().split('\n');
      assert.equal(lines.length, 1, r.stdout);
      // data_information.license is line 33 of the olmo example: `  license: CC-BY-NC-4.0`, the value at column 12.
      assert.equal(OLMO.split('\n')[32], '  license: CC-BY-4.0');
      assert.match(lines[0], /^osai\.yaml:33:12 error license\/not-open `CC-BY-NC-4\.0` /);
      assert.equal(r.stderr, '1 file checked: 1 error, 0 warnings\n');
      assert.equal(r.code, 1);
      // The same findings as the folder gives: named files are taken as if found in it.
      const folder = runCli(['--format', 'json', dir], { cwd: dir });
      const named = runCli(['--format', 'json', '--ignore-unknown', ...UNKNOWN, 'osai.yaml'], { cwd: dir });
      const files = (stdout: string) =>
        (JSON.parse(stdout) as { files: { file: string; kind: string; errors: number }[] }).files
          .map(({ file, kind, errors }) => ({ file, kind, errors }))
          .sort((a, b) => a.file.localeCompare(b.file));
      assert.deepEqual(files(named.stdout), files(folder.stdout));
    } finally {
      rmSync(join(dir, 'osai.yaml'));
    }
  });

  test('a manifest that cannot be checked still fails the run (exit 2): it is not unknown', () => {
    write('bad.osai.yaml', Buffer.from('osaid: "1.0"\nsystem:\n  name: caf\xe9\n', 'latin1'));
    try {
      const r = runCli(['--ignore-unknown', 'bad.osai.yaml', 'config/app.yaml'], { cwd: dir });
      assert.match(
        r.stderr,
        /^osai-check: bad\.osai\.yaml is not valid UTF-8 \(line 3, byte 33: 0xe9\); not checked \(save it as UTF-8\)$/m,
      );
      assert.equal(r.code, 2);
    } finally {
      rmSync(join(dir, 'bad.osai.yaml'));
    }
  });

  test('nothing to check is not an error with it (a commit of other files)', () => {
    assert.equal(runCli(['config'], { cwd: dir }).code, 2);
    const r = runCli(['--ignore-unknown', 'config'], { cwd: dir });
    assert.equal(r.stderr, '0 files checked: 0 errors, 0 warnings\n');
    assert.equal(r.code, 0);
  });

  test('it takes no value, and the help lists it', () => {
    const r = runCli(['--ignore-unknown=yes', 'osai.yaml'], { cwd: dir });
    assert.equal(r.code, 2);
    assert.match(r.stderr, /^osai-check: --ignore-unknown takes no value$/m);
    assert.match(runCli(['--help']).stdout, /^ {2}--ignore-unknown {11}skip files named that are no format's/m);
  });
});
