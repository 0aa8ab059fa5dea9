/** Exit codes, --max-warnings, --quiet, stdin, globs, --output, --report and the progress line. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { main } from '../../server/src/cli';
import { renderReport } from '../../server/src/service/report';
import { ROOT, service } from '../helpers';
import { BIN, cli, olmoWith, runCli } from './run';
import { TextDocument } from 'vscode-languageserver-textdocument';

/** The olmo example with `Apache 2.0` for `Apache-2.0`: nine warnings, no errors. */
const WARNINGS_ONLY = olmoWith('license: Apache-2.0', 'license: Apache 2.0').replace(
  /license: Apache-2\.0/g,
  'license: Apache 2.0',
);
const GRANITE = readFileSync(join(ROOT, 'examples', 'models', 'Granite-4-1.yml'), 'utf8');

function files(stdout: string): string[] {
  return stdout
    .trimEnd()
    .split('\n')
    .slice(2)
    .map((l) => l.split(/ {2,}/)[0]);
}

describe('exit codes', () => {
  test('0: no errors', () => {
    const r = cli('examples/olmo-7b.osai.yaml');
    assert.equal(r.code, 0);
    assert.equal(runCli(['-'], { input: WARNINGS_ONLY }).code, 0, 'warnings alone do not fail');
  });

  test('1: errors', () => {
    assert.equal(cli('examples/llama-style.osai.yaml').code, 1);
    assert.equal(cli('--format', 'sarif', 'examples/{*.osai.yaml,models/*.yml}').code, 1);
    assert.equal(cli('--format', 'github', 'examples/{*.osai.yaml,models/*.yml}').code, 1);
  });

  test('--max-warnings: 1 when the warnings exceed it, like eslint', () => {
    const over = runCli(['--max-warnings', '8', '-'], { input: WARNINGS_ONLY });
    assert.equal(over.code, 1);
    assert.match(
      over.stderr,
      /^1 file checked: 0 errors, 9 warnings\nosai-check: too many warnings \(9; --max-warnings 8\)\n$/,
    );
    assert.equal(runCli(['--max-warnings=9', '-'], { input: WARNINGS_ONLY }).code, 0);
    assert.equal(runCli(['--max-warnings', '0', '-'], { input: olmoWith('x', 'x') }).code, 0, 'no warnings, limit 0');
    assert.equal(
      runCli(['--quiet', '--max-warnings', '0', '-'], { input: WARNINGS_ONLY }).code,
      1,
      'warnings hidden by --quiet still count',
    );
  });

  test('2: usage errors, with the message and the usage', () => {
    const cases: Array<[string[], RegExp]> = [
      [[], /no files, folders or globs to check/],
      [['--frobnicate', 'examples'], /unknown option --frobnicate/],
      [
        ['--format', 'xml', 'examples'],
        /--format must be one of text, table, json, sarif, github, cyclonedx, spdx3, report, not xml/,
      ],
      [['--format'], /--format needs a format/],
      [['--max-warnings', 'many', 'examples'], /--max-warnings must be a whole number \(0 or more\), not many/],
      [['--max-warnings', '-1', 'examples'], /--max-warnings needs a number/],
      [['--report', 'pdf', 'examples'], /--report must be md or html, not pdf/],
      [
        ['--report', 'md', '--format', 'json', 'examples'],
        /give --output <file> for it to print --format findings as well/,
      ],
      [['--stdin-filename', 'a.osai.yaml', 'examples'], /--stdin-filename names stdin: give - among the targets/],
      [['-', '-'], /- \(stdin\) can be given only once/],
      [['--quiet=yes', 'examples'], /--quiet takes no value/],
      [['--treat-as-open'], /--treat-as-open needs a license id/],
    ];
    for (const [args, message] of cases) {
      const r = runCli(args);
      assert.equal(r.code, 2, args.join(' '));
      assert.match(r.stderr, message, args.join(' '));
      assert.match(r.stderr, /Usage: osai-check/, 'the usage follows');
      assert.equal(r.stdout, '');
    }
  });

  test('2: what cannot be read or written, or nothing to check', () => {
    const missing = cli('examples', 'no/such/file.osai.yaml');
    assert.equal(missing.code, 2);
    assert.equal(missing.stderr, 'osai-check: cannot read no/such/file.osai.yaml: ENOENT\n');
    assert.equal(missing.stdout, '', 'nothing is checked when a target is wrong');
    const glob = cli('examples/**/*.toml');
    assert.equal(glob.code, 2);
    assert.equal(glob.stderr, 'osai-check: no files match examples/**/*.toml\n');
    const nothing = cli('*.json');
    assert.equal(nothing.code, 2);
    assert.match(nothing.stderr, /^osai-check: no manifests found in \*\.json/);
    const unwritable = cli('--output', 'package.json/out.txt', 'examples/olmo-7b.osai.yaml');
    assert.equal(unwritable.code, 2);
    assert.match(unwritable.stderr, /^osai-check: cannot write .*package\.json\/out\.txt: (ENOTDIR|EEXIST)$/m);
    const negated = cli('!examples/*.yaml');
    assert.equal(negated.code, 2);
    assert.match(negated.stderr, /negated globs are not supported/);
  });

  test('-h and --version exit 0', () => {
    const help = cli('--help');
    assert.equal(help.code, 0);
    assert.match(help.stdout, /^Usage: osai-check \[options\]/);
    assert.match(
      help.stdout,
      /Exit codes:\n {2}0 {2}no file's verdict fails, and no more warnings than --max-warnings/,
    );
    const version = cli('--version');
    assert.deepEqual([version.code, version.stdout], [0, '0.1.0\n']);
  });
});

describe('--quiet', () => {
  test('errors only, in every format; the summary says warnings were hidden', () => {
    const r = cli('--quiet', 'examples/{*.osai.yaml,models/*.yml}');
    assert.equal(r.code, 1);
    const severities = new Set(
      r.stdout
        .trimEnd()
        .split('\n')
        .map((l) => l.split(' ')[1]),
    );
    assert.deepEqual([...severities], ['error']);
    assert.equal(r.stdout.trimEnd().split('\n').length, 12);
    assert.match(r.stderr, /^4 files checked: 12 errors, 1 warning \(warnings not shown: --quiet\)$/m);
    const github = cli('--quiet', '--format', 'github', 'examples/{*.osai.yaml,models/*.yml}');
    assert.ok(
      github.stdout
        .trimEnd()
        .split('\n')
        .every((l) => l.startsWith('::error ')),
    );
    assert.equal(cli('--quiet', 'examples/olmo-7b.osai.yaml').stderr, '1 file checked: 0 errors, 0 warnings\n');
  });
});

describe('stdin (-)', () => {
  test('an OSAID manifest by default, named <stdin> or --stdin-filename', () => {
    const r = runCli(['-'], { input: olmoWith('license: MIT}', 'license: CC-BY-NC-4.0}') });
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^<stdin>:30:\d+ error license\/not-osi-approved /);
    const named = runCli(['--stdin-filename', 'release/osai.yaml', '-'], {
      input: olmoWith('license: MIT}', 'license: CC-BY-NC-4.0}'),
    });
    assert.match(named.stdout, /^release\/osai\.yaml:30:\d+ error license\/not-osi-approved /);
    // Any name: stdin is a manifest unless it is a MOF file.
    const other = runCli(['--stdin-filename', 'notes.yaml', '-'], { input: 'osaid: "1.0"\n' });
    assert.match(other.stdout, /^notes\.yaml:1:1 error osaid\/missing Missing `system`/);
  });

  test('a MOF model file by content', () => {
    const r = runCli(['--format', 'table', '-'], { input: GRANITE });
    assert.equal(r.code, 1);
    assert.match(
      r.stdout.split('\n')[2],
      /^<stdin>\s+MOF model\s+✗ 5 unmet OSAID 1\.0 requirements\s+MOF Class III — Open Model/,
    );
  });

  test('together with files; empty stdin is an empty manifest', () => {
    const r = runCli(['--format', 'table', 'examples/olmo-7b.osai.yaml', '-'], { input: '' });
    assert.deepEqual(files(r.stdout), ['examples/olmo-7b.osai.yaml', '<stdin>']);
    assert.equal(r.code, 1);
  });
});

describe('globs and folders', () => {
  test('quoted globs are expanded by osai-check: manifests and MOF files among the matches', () => {
    assert.deepEqual(files(cli('--format', 'table', 'examples/**/*.yml').stdout), ['examples/models/Granite-4-1.yml']);
    assert.deepEqual(files(cli('--format', 'table', 'examples/*.osai.yaml').stdout), [
      'examples/llama-style.osai.yaml',
      'examples/missing-data-information.osai.yaml',
      'examples/olmo-7b.osai.yaml',
    ]);
    assert.deepEqual(files(cli('--format', 'table', './examples/{olmo-7b,llama-style}.osai.yaml').stdout), [
      'examples/llama-style.osai.yaml',
      'examples/olmo-7b.osai.yaml',
    ]);
    assert.deepEqual(files(cli('--format', 'table', 'test/fixtures/mof/[GL]*.yml').stdout), [
      'test/fixtures/mof/Granite-4-1.yml',
      'test/fixtures/mof/Llama-3-8B.yml',
    ]);
    // Other YAML files that a glob matches are left alone, as in folders.
    const all = files(cli('--format', 'table', 'test/fixtures/**/*.yml').stdout);
    assert.ok(all.includes('test/fixtures/mof/OLMo-7B.yml'));
    assert.ok(
      all.every(
        (f) =>
          f.startsWith('test/fixtures/mof') ||
          f.startsWith('test/fixtures/mot-conformance') ||
          f.startsWith('test/fixtures/mof-corpus'),
      ),
      all.join(', '),
    );
  });

  test('each file once, in the order given, however it is named', () => {
    assert.deepEqual(
      files(
        cli(
          '--format',
          'table',
          'examples/olmo-7b.osai.yaml',
          'examples/models',
          'examples/*.yaml',
          'examples/models/Granite-4-1.yml',
        ).stdout,
      ),
      [
        'examples/olmo-7b.osai.yaml',
        'examples/models/Granite-4-1.yml',
        'examples/llama-style.osai.yaml',
        'examples/missing-data-information.osai.yaml',
      ],
    );
  });

  test('an existing path is a path even when it looks like a glob', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osai-glob-'));
    try {
      mkdirSync(join(dir, '[v1]'));
      writeFileSync(join(dir, '[v1]', 'osai.yaml'), readFileSync(join(ROOT, 'examples', 'olmo-7b.osai.yaml')));
      const r = runCli(['--format', 'table', '[v1]'], { cwd: dir });
      assert.equal(r.code, 0);
      assert.deepEqual(files(r.stdout), ['[v1]/osai.yaml']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('--output and --report', () => {
  test('--output writes the findings to a file (creating folders); stdout stays empty', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osai-out-'));
    try {
      const file = join(dir, 'nested', 'results.sarif');
      const r = cli('--format', 'sarif', '-o', file, 'examples/llama-style.osai.yaml');
      assert.equal(r.code, 1);
      assert.equal(r.stdout, '');
      assert.equal(JSON.parse(readFileSync(file, 'utf8')).runs[0].results.length, 4);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('--report md prints the report of the checked files (SOURCE_DATE_EPOCH fixes the date)', () => {
    const r = runCli(
      ['--report', 'md', 'examples/llama-style.osai.yaml', 'examples/models/Granite-4-1.yml', 'package-lock.json'],
      { env: { SOURCE_DATE_EPOCH: '1767225600' } },
    );
    assert.equal(r.code, 2); // package-lock.json is named but no format's: not checked
    const checklist = (path: string, languageId: string) => {
      const parsed = service.parse(
        TextDocument.create(`file://${join(ROOT, path)}`, languageId, 1, readFileSync(join(ROOT, path), 'utf8')),
      );
      return service.getChecklist(parsed, service.doValidation(parsed))!;
    };
    const expected = renderReport(
      [
        {
          file: 'examples/llama-style.osai.yaml',
          checklist: checklist('examples/llama-style.osai.yaml', 'osai-manifest'),
        },
        { file: 'examples/models/Granite-4-1.yml', checklist: checklist('examples/models/Granite-4-1.yml', 'yaml') },
      ],
      'md',
      { date: new Date('2026-01-01T00:00:00Z'), generator: 'osai-check 0.1.0' },
    );
    assert.equal(r.stdout, expected);
    assert.match(r.stdout, /^# OSAID compliance report\n\nGenerated 2026-01-01 00:00 UTC by osai-check 0\.1\.0/);
    assert.match(
      r.stderr,
      /package-lock\.json is neither an OSAID manifest, a MOF model file nor a model or dataset card; not checked/,
    );
  });

  test('--report html --output FILE, and --format findings on stdout at the same time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osai-report-'));
    try {
      const file = join(dir, 'report.html');
      const r = cli('--report', 'html', '--output', file, '--format', 'github', 'examples/llama-style.osai.yaml');
      assert.equal(r.code, 1);
      assert.match(readFileSync(file, 'utf8'), /^<!DOCTYPE html>\n<html lang="en">/);
      assert.match(r.stdout, /^::notice file=examples\/llama-style\.osai\.yaml/);
      const only = cli('--report', 'html', '--output', join(dir, 'only.html'), 'examples/olmo-7b.osai.yaml');
      assert.deepEqual([only.code, only.stdout], [0, '']);
      assert.ok(existsSync(join(dir, 'only.html')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the progress line', () => {
  const many = ['test/fixtures/mof', 'examples/{*.osai.yaml,models/*.yml}']; // 11 files

  async function runMain(args: string[], isTTY: boolean, env: NodeJS.ProcessEnv = {}) {
    const progress: string[] = [];
    const out: string[] = [];
    const code = await main(
      args,
      (s) => out.push(s),
      () => {},
      { cwd: ROOT, env, progress: { isTTY, columns: 60, write: (s) => progress.push(s) } },
    );
    return { code, progress, out };
  }

  test('on a TTY, for more than 5 files: checking i/n rewritten with \\r, cleared before the output', async () => {
    const r = await runMain(['--format', 'table', ...many], true);
    assert.equal(r.code, 1);
    assert.equal(r.progress[0], '\rchecking 1/11 test/fixtures/mof/BLOOM.yml\x1b[K');
    assert.equal(r.progress.at(-2), '\rchecking 11/11 examples/olmo-7b.osai.yaml\x1b[K');
    assert.equal(r.progress.at(-1), '\r\x1b[K');
    assert.ok(
      r.progress.every((p) => p.replace(/\x1b\[K/g, '').length <= 60),
      'fits the terminal',
    );
  });

  test('never without a TTY, in CI, on a dumb terminal or for a few files', async () => {
    assert.deepEqual((await runMain(many, false)).progress, []);
    assert.deepEqual((await runMain(many, true, { CI: 'true' })).progress, []);
    assert.deepEqual((await runMain(many, true, { GITHUB_ACTIONS: 'true' })).progress, []);
    assert.deepEqual((await runMain(many, true, { TERM: 'dumb' })).progress, []);
    assert.deepEqual((await runMain(['examples/{*.osai.yaml,models/*.yml}'], true)).progress, []);
    assert.notDeepEqual((await runMain(many, true, { CI: 'false' })).progress, []);
  });

  test('in a real terminal (script(1) gives it a pty), and not when stderr is a pipe', () => {
    const env = { ...process.env, CI: '', GITHUB_ACTIONS: '', TERM: 'xterm' };
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} --format table ${many.join(' ')}`;
    const tty = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env });
    assert.equal(tty.error, undefined, 'script(1) from bsdutils runs');
    assert.match(tty.stdout, /\rchecking 1\/11 test\/fixtures\/mof\/BLOOM\.yml\x1b\[K/);
    assert.match(tty.stdout, /\r\x1b\[Kfile +kind +verdict/, 'the line is cleared before the table');
    const pipe = runCli(['--format', 'table', ...many], { env: { CI: '' } });
    assert.ok(!pipe.stderr.includes('checking'), 'not in a pipe');
  });
});
