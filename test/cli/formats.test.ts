/** `--format json` and `--format github`, exactly; `--format text` unchanged. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { JsonOutput } from '../../server/src/cli/formats';
import { escapeData, escapeProperty } from '../../server/src/cli/formats';
import { cli, olmoWith, runCli } from './run';

describe('--format json', () => {
  test('examples/: per file its kind, verdict, MOF class, counts and findings; a summary', () => {
    const r = cli('--format', 'json', 'examples/{*.osai.yaml,models/*.yml}');
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout) as JsonOutput;
    assert.deepEqual(out.tool, { name: 'osai-check', version: '0.1.0' });
    assert.deepEqual(
      out.files.map((f) => [f.file, f.kind, f.verdict, f.errors, f.warnings, f.infos, f.diagnostics.length]),
      [
        [
          'examples/llama-style.osai.yaml',
          'osai',
          { meets: false, state: 'fails', title: '✗ 1 unmet OSAID 1.0 requirement' },
          1,
          0,
          3,
          4,
        ],
        [
          'examples/missing-data-information.osai.yaml',
          'osai',
          { meets: false, state: 'fails', title: '✗ 6 unmet OSAID 1.0 requirements' },
          6,
          0,
          3,
          9,
        ],
        [
          'examples/models/Granite-4-1.yml',
          'mof',
          { meets: false, state: 'fails', title: '✗ 5 unmet OSAID 1.0 requirements' },
          5,
          1,
          0,
          6,
        ],
        [
          'examples/olmo-7b.osai.yaml',
          'osai',
          { meets: true, state: 'meets', title: '✓ Meets the OSAID 1.0 checks' },
          0,
          0,
          0,
          0,
        ],
      ],
    );
    assert.deepEqual(out.summary, { files: 4, errors: 12, warnings: 1, infos: 6, meets: 1 });
    assert.equal(out.files[0].mofClass, undefined);
    assert.deepEqual(out.files[2].mofClass, {
      class: 3,
      title: 'MOF Class III — Open Model · Class II: 4 of 10 required components missing or not open (60%)',
      progress: { 1: 0, 2: 60, 3: 100 },
    });
    assert.deepEqual(out.files[0].diagnostics[2], {
      line: 12,
      column: 14,
      endLine: 12,
      endColumn: 20,
      severity: 'error',
      code: 'license/restricted',
      message: out.files[0].diagnostics[2].message,
      path: 'parameters.weights.license',
    });
    assert.match(out.files[0].diagnostics[2].message, /^`llama3` is the Meta Llama 3 Community License Agreement/);
    // The checklist, as in the editor's tree view: in the Llama-style example only the weights fail.
    const items = out.files[0].checklist!.flatMap((g) => g.items.map((i) => [g.id, i.id, i.level, i.status] as const));
    assert.deepEqual(
      items.filter(([, , level, status]) => level === 'required' && status !== 'met'),
      [['parameters', 'parameters.weights', 'required', 'not-open']],
    );
    assert.deepEqual(
      out.files[0].checklist!.map((g) => g.id),
      ['data_information', 'code', 'parameters'],
    );
    const weights = out.files[0].checklist![2].items[0];
    assert.equal(weights.line, 10);
    assert.match(weights.detail, /^`llama3` is the Meta Llama 3 Community License Agreement/);
    assert.deepEqual(out.files[0].diagnostics[0], {
      line: 9,
      column: 1,
      endLine: 9,
      endColumn: 11,
      severity: 'info',
      code: 'osaid/recommended',
      message: 'Recommended: add `parameters.checkpoints` — checkpoints from key intermediate stages of training.',
      path: 'parameters.checkpoints',
    });
  });

  test(
    '--quiet: only errors in diagnostics; counts still count everything; ' + 'not-recognised files have no verdict',
    () => {
      const out = JSON.parse(
        cli('--format', 'json', '--quiet', 'examples/llama-style.osai.yaml', 'package-lock.json').stdout,
      ) as JsonOutput;
      assert.deepEqual(
        out.files[0].diagnostics.map((d) => d.code),
        ['license/restricted'],
      );
      assert.equal(out.files[0].infos, 3);
      assert.deepEqual(out.files[1], {
        file: 'package-lock.json',
        kind: 'none',
        verdict: null,
        errors: 0,
        warnings: 0,
        infos: 0,
        diagnostics: [],
        checklist: null,
        evidence: null,
        online: null,
      });
    },
  );
});

describe('--format github', () => {
  test('workflow commands: error, warning, notice, with file, positions and the code as title', () => {
    const r = cli('--format', 'github', 'examples/llama-style.osai.yaml', 'examples/models/Granite-4-1.yml');
    assert.equal(r.code, 1);
    const lines = r.stdout.trimEnd().split('\n');
    assert.equal(lines.length, 10);
    assert.equal(
      lines[0],
      '::notice file=examples/llama-style.osai.yaml,line=9,col=1,endLine=9,endColumn=11,title=osaid/recommended::' +
        'Recommended: add `parameters.checkpoints` — checkpoints from key intermediate stages of training.',
    );
    assert.match(
      lines[2],
      /^::error file=examples\/llama-style\.osai\.yaml,line=12,col=14,endLine=12,endColumn=20,title=license\/restricted::`llama3` is the Meta Llama 3 Community License Agreement, which restricts use \(acceptable-use policy; 700-million-monthly-active-user clause;/,
    );
    assert.equal(
      lines[4],
      '::error file=examples/models/Granite-4-1.yml,line=15,col=3,endLine=15,endColumn=13,title=osaid/missing::' +
        'Missing for OSAID 1.0: `Data preprocessing code`. OSAID requires the ' +
        'code used to process and filter the data, under an OSI-approved ' +
        'license. Add the component to `release.components`.',
    );
    assert.match(
      lines[9],
      /^::warning file=examples\/models\/Granite-4-1\.yml,line=20,col=14,endLine=20,endColumn=38,title=mof\/license-type::`Model parameters \(Final\)` inherits `Apache-2\.0`/,
    );
  });

  test('escaping: % CR LF in messages; also , and : in properties', () => {
    const dir = mkdtempSync(join(tmpdir(), 'osai-github-'));
    try {
      writeFileSync(
        join(dir, 'a,b:c%d.osai.yaml'),
        `${olmoWith('license: MIT}', 'license: "50% MIT"}')}"bad\\r\\nkey%": 1\n`,
      );
      const r = runCli(['--format', 'github', '.'], { cwd: dir });
      assert.equal(r.code, 1);
      assert.equal(
        r.stdout,
        [
          '::error file=a%2Cb%3Ac%25d.osai.yaml,line=30,col=80,endLine=30,endColumn=87,title=license/unknown::"50%25 MIT" is not a known SPDX license id or license name. Use an id from https://spdx.org/licenses/, or `LicenseRef-…` for a custom license. Code components need an OSI-approved license (e.g. Apache-2.0, MIT).',
          '::warning file=a%2Cb%3Ac%25d.osai.yaml,line=53,col=1,endLine=53,endColumn=14,title=schema/unknown-key::' +
            'Unknown key `bad%0D%0Akey%25` in the top level: it is not checked. ' +
            '(Keys starting with `x-` are free for extensions.)',
          '',
        ].join('\n'),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    assert.equal(escapeData('100% done\r\nnext, a: b'), '100%25 done%0D%0Anext, a: b');
    assert.equal(escapeProperty('a,b:c%d\ne'), 'a%2Cb%3Ac%25d%0Ae');
  });
});

describe('--format text', () => {
  test('unchanged: file:line:col severity code message, one line per finding', () => {
    const r = cli('examples/llama-style.osai.yaml');
    assert.deepEqual(
      r.stdout
        .trimEnd()
        .split('\n')
        .map((l) => l.split(' ').slice(0, 3).join(' ')),
      [
        'examples/llama-style.osai.yaml:9:1 info osaid/recommended',
        'examples/llama-style.osai.yaml:9:1 info osaid/recommended',
        'examples/llama-style.osai.yaml:12:14 error license/restricted',
        'examples/llama-style.osai.yaml:23:1 info osaid/recommended',
      ],
    );
    assert.equal(r.stderr, '1 file checked: 1 error, 0 warnings\n');
  });
});
