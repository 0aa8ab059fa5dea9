/**
 * What a git hook hands `osai-check` (issue 22): staged names that look like options, cards
 * whose front matter cannot be read or starts with a byte order mark, and large files that are
 * none of the formats. The bundled bin, as the pre-commit hook runs it (`--pre-commit`).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { ROOT } from '../helpers';
import { runCli } from './run';

const OLMO = readFileSync(join(ROOT, 'examples', 'olmo-7b.osai.yaml'), 'utf8');
/**
 * The weights under a custom license nobody reviewed: a finding, unless a `--treat-as-open` were taken from a file's
 * name.
 */
const EVIL = OLMO.replace('    license: Apache-2.0\n  checkpoints:', '    license: LicenseRef-Evil\n  checkpoints:');
const ORDINARY = 'note: an ordinary YAML file\n';
const NC_CARD = '---\nlicense: cc-by-nc-4.0\nlibrary_name: transformers\n---\n# Tiny\n';

/** Nine anchors each aliasing the previous nine times: 9^9 nodes once expanded. */
function aliasBomb(): string {
  const names = 'abcdefghij';
  return [
    'a: &a [x, x, x, x, x, x, x, x, x]',
    ...names
      .slice(1)
      .split('')
      .map((k, i) => `${k}: &${k} [${Array(9).fill(`*${names[i]}`).join(', ')}]`),
  ].join('\n');
}

describe('--pre-commit: a staged name is a file, never an option', () => {
  let dir: string;
  const hostile = [
    '--output=osai.yaml',
    '--treat-as-open=LicenseRef-Evil.yaml',
    '-x.yaml',
    '--quiet.yml',
    'with space.yaml',
    'new\nline.yaml',
    '-',
  ];
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'osai-hook-'));
    writeFileSync(join(dir, 'osai.yaml'), OLMO);
    writeFileSync(join(dir, 'release.osai.yaml'), EVIL);
    for (const name of hostile) writeFileSync(join(dir, name), ORDINARY);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const unchanged = () => {
    assert.equal(readFileSync(join(dir, 'osai.yaml'), 'utf8'), OLMO, 'osai.yaml is not overwritten');
    for (const name of hostile) assert.equal(readFileSync(join(dir, name), 'utf8'), ORDINARY, name);
    assert.deepEqual(
      readdirSync(dir).sort(),
      ['osai.yaml', 'release.osai.yaml', ...hostile].sort(),
      'no file is written',
    );
  };

  for (const args of [['--pre-commit', '--'], ['--pre-commit'], ['--pre-commit', '--max-warnings', '50']]) {
    test(`osai-check ${args.join(' ')} <names>: the finding is reported, nothing is written, stdin is not read`, () => {
      const r = runCli([...args, 'release.osai.yaml', ...hostile], { cwd: dir, input: 'osaid: "1.0"\n' });
      assert.equal(r.code, 1, r.stderr);
      const lines = r.stdout.trimEnd().split('\n');
      assert.equal(lines.length, 1, r.stdout);
      // Line 14 of the olmo example is the weights' `    license: Apache-2.0`: the value at column 14.
      assert.equal(OLMO.split('\n')[13], '    license: Apache-2.0');
      assert.match(
        lines[0],
        /^release\.osai\.yaml:14:14 error license\/not-open `LicenseRef-Evil` is a custom license whose terms have not been reviewed/,
      );
      assert.equal(r.stderr, '1 file checked: 1 error, 0 warnings\n');
      unchanged();
    });
  }

  test('without --pre-commit the command line is as before: `--` ends the options, `-` after it is stdin', () => {
    // Named, and none of the formats: each is reported as a file that could not be checked.
    const r = runCli(['--', '-x.yaml', '--quiet.yml'], { cwd: dir });
    assert.equal(r.code, 2, r.stderr);
    assert.match(
      r.stderr,
      /^osai-check: -x\.yaml is neither an OSAID manifest, a MOF model file nor a model or dataset card; not checked$/m,
    );
    assert.match(
      r.stderr,
      /^osai-check: --quiet\.yml is neither an OSAID manifest, a MOF model file nor a model or dataset card; not checked$/m,
    );
  });

  test('--pre-commit takes no value, and the help lists it', () => {
    assert.match(
      runCli(['--pre-commit=yes', 'osai.yaml'], { cwd: dir }).stderr,
      /^osai-check: --pre-commit takes no value$/m,
    );
    assert.match(
      runCli(['--help']).stdout,
      /^ {2}--pre-commit {15}what the pre-commit hook runs: --ignore-unknown, and an argument$/m,
    );
  });
});

describe('cards a hook must not pass over', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'osai-hook-cards-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const cases: Array<[string, string, RegExp]> = [
    [
      'an alias bomb',
      `---\nlicense: cc-by-nc-4.0\n${aliasBomb()}\n---\n# Tiny\n`,
      /: not checked, its YAML could not be read: Too many alias expansions/,
    ],
    [
      'nesting past the guard',
      `---\nlicense: cc-by-nc-4.0\nx: ${'['.repeat(2000)}${']'.repeat(2000)}\n---\n`,
      /: not checked, its YAML could not be read: /,
    ],
  ];
  for (const [what, text, reason] of cases) {
    test(`a card whose front matter cannot be read (${what}): exit 2, saying so, with --pre-commit and without`, () => {
      writeFileSync(join(dir, 'README.md'), text);
      for (const args of [['--pre-commit', '--', 'README.md'], ['README.md'], ['.']]) {
        const r = runCli(args, { cwd: dir });
        assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
        assert.match(r.stderr, new RegExp(`^osai-check: README\\.md:\\d+:\\d+${reason.source}`, 'm'));
        assert.match(r.stderr, /^osai-check: 1 file could not be checked \(exit 2\)$/m);
      }
    });
  }

  test('a card that starts with a byte order mark is checked as the editor checks it', () => {
    writeFileSync(join(dir, 'README.md'), `\uFEFF${NC_CARD}`);
    const r = runCli(['--pre-commit', '--', 'README.md'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    assert.match(
      r.stdout,
      /^README\.md:2:10 error license\/not-open `CC-BY-NC-4\.0` \(Creative Commons Attribution Non Commercial 4\.0 International\) is not open/,
    );
  });
});

describe('the size limit is for files that are ours', () => {
  let dir: string;
  const page =
    `---\ntitle: A long post\nlayout: post\n---\n` +
    `${'A paragraph of text, repeated to make the page long.\n'.repeat(200)}`;
  const data = `# framework and openness, only mentioned\nrows:\n${'  - {a: 1, b: 2}\n'.repeat(400)}`;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'osai-hook-size-'));
    writeFileSync(join(dir, 'README.md'), page);
    writeFileSync(join(dir, 'table.yaml'), data);
    writeFileSync(join(dir, 'osai.yaml'), `${OLMO}${'# padding\n'.repeat(400)}`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test(
    'large files that are none of the formats (a long page, a data YAML ' +
      'that mentions the framework) pass the hook',
    () => {
      assert.ok(page.length > 4000 && data.length > 4000);
      const r = runCli(['--pre-commit', '--max-file-size', '4000', '--', 'README.md', 'table.yaml'], { cwd: dir });
      assert.equal(r.code, 0, r.stderr);
      assert.equal(r.stderr, '0 files checked: 0 errors, 0 warnings\n');
    },
  );

  test('a card with a long body is checked (only its front matter is parsed)', () => {
    mkdirSync(join(dir, 'model'));
    writeFileSync(join(dir, 'model', 'README.md'), `${NC_CARD}${'Body text.\n'.repeat(1000)}`);
    const r = runCli(['--pre-commit', '--max-file-size', '4000', '--', 'model/README.md'], { cwd: dir });
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /^model\/README\.md:2:10 error license\/not-open /);
    rmSync(join(dir, 'model'), { recursive: true });
  });

  test('a manifest over the limit is still not checked: exit 2', () => {
    const r = runCli(['--pre-commit', '--max-file-size', '4000', '--', 'osai.yaml'], { cwd: dir });
    assert.equal(r.code, 2, r.stderr);
    assert.match(r.stderr, /^osai-check: osai\.yaml has [\d,]+ bytes, more than the limit of 4,000; not checked/m);
  });
});
