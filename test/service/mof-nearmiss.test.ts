/**
 * MOF-looking files that are not MOF model files say why, in the editor and on the command
 * line: a misspelt `framework.name` (a near miss) gets the `schema/enum` error with the exact
 * name as its fix and nothing else; a file whose YAML cannot be read (an alias bomb, nesting
 * past the guard) gets its parse diagnostics and one note that it was not checked. Ordinary
 * YAML that merely mentions the words stays unclaimed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/service';
import { looksLikeMofText } from '../../server/src/service/formats/mof';
import { applyWorkspaceEdit, brief, ROOT, service, yamlDoc } from '../helpers';

const URI = 'file:///test/model.yml';
const OLMO = readFileSync(join(ROOT, 'test', 'fixtures', 'mof', 'OLMo-7B.yml'), 'utf8');
const EXACT = "  name: 'Model Openness Framework'\n";

/** The OLMo MOF file with its framework name written otherwise. */
function olmoNamed(name: string): string {
  assert.ok(OLMO.startsWith(`framework:\n${EXACT}`));
  return OLMO.replace(EXACT, `  name: ${name}\n`);
}

function analyse(text: string, settings = {}) {
  const s = Object.keys(settings).length ? getLanguageService(settings) : service;
  const parsed = s.parse(yamlDoc(text, URI));
  const diagnostics = s.doValidation(parsed);
  return { s, parsed, diagnostics };
}

/** Nine levels of ten aliases each: 10^9 values once expanded. */
function aliasBomb(): string {
  const levels = ['a: &a [x,x,x,x,x,x,x,x,x,x]'];
  for (let i = 1; i < 9; i++)
    levels.push(
      `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
        .fill(`*${String.fromCharCode(96 + i)}`)
        .join(',')}]`,
    );
  return levels.join('\n') + '\n';
}

describe('a misspelt framework name (a near miss)', () => {
  // The name as written, the error's range, and the name after the fix (a quoted name stays quoted: the fix replaces
  // its content).
  for (const [name, range, fixedName] of [
    ['Model Openess Framework', '2:9-2:32', 'Model Openness Framework'],
    ['Model Openness Framwork', '2:9-2:32', 'Model Openness Framework'],
    ['model openess  framework', '2:9-2:33', 'Model Openness Framework'],
    ["'Mdel Openess Framwork'", '2:10-2:31', "'Model Openness Framework'"],
  ] as const) {
    test(`\`${name}\`: one schema/enum error on the name, its exact spelling as the fix, nothing else`, () => {
      const text = olmoNamed(name);
      assert.equal(looksLikeMofText(text), true);
      const { parsed, diagnostics } = analyse(text);
      assert.equal(parsed.kind, 'mof');
      assert.deepEqual(diagnostics.map(brief), [`schema/enum@${range}`]);
      const [d] = diagnostics;
      assert.equal(d.severity, DiagnosticSeverity.Error);
      assert.equal(
        d.message,
        '`framework.name` must be exactly `Model Openness Framework`: MOT ' +
          'rejects any other spelling, and this file is not checked as a MOF ' +
          'model file until it is fixed.',
      );
      assert.deepEqual(d.data, { path: 'framework.name', replacements: ['Model Openness Framework'] });

      // The only action is the fix (no "add the missing components" on a file that is not checked).
      const actions = service.getCodeActions(parsed, diagnostics, diagnostics);
      assert.deepEqual(
        actions.map((a) => a.title),
        ['Change to `Model Openness Framework`'],
      );
      assert.deepEqual(service.getCodeActions(parsed, diagnostics, diagnostics, ['refactor']), []);
      const fixed = applyWorkspaceEdit(text, actions[0].edit, URI);
      assert.equal(fixed, olmoNamed(fixedName));
      const after = analyse(fixed);
      assert.equal(after.parsed.kind, 'mof');
      assert.ok(!after.diagnostics.some((x) => x.code === 'schema/enum'), 'fixed');
      assert.equal(
        service.getCodeLenses(after.parsed, after.diagnostics)[0].command?.title.startsWith('MOF Class'),
        true,
        'and now checked in full',
      );

      // Nothing MOF-specific that would mislead: no class, no checklist, no hover or completion.
      const title = '✗ Not checked as a MOF model file: `framework.name` is not `Model Openness Framework`';
      assert.deepEqual(
        service.getCodeLenses(parsed, diagnostics).map((l) => l.command?.title),
        [title],
      );
      assert.equal(service.getChecklist(parsed, diagnostics), undefined);
      assert.deepEqual(service.summarize(parsed, diagnostics), {
        verdict: { meets: false, state: 'fails', title },
        headline: title,
        json: { mofClass: null },
      });
      assert.equal(service.doHover(parsed, { line: 20, character: 10 }), null);
      assert.deepEqual(service.doComplete(parsed, { line: 20, character: 10 }).items, []);
      assert.ok(service.findDocumentSymbols(parsed).length > 0, 'the outline still works');
    });
  }

  test('within three edits (case and spacing folded) is a near miss; four is not claimed', () => {
    assert.equal(analyse('framework:\n  name: Mdel Openess Framwork\n').parsed.kind, 'mof', 'three edits');
    const four = analyse('framework:\n  name: Mdel Openess Frmwork\n');
    assert.equal(four.parsed.kind, 'none', 'four edits');
    assert.deepEqual(four.diagnostics, []);
    // Case and spacing never count as edits: those files are MOF files, checked in full (mof-features.test.ts).
    assert.ok(analyse(olmoNamed('MODEL  OPENNESS FRAMEWORK')).diagnostics.length > 1);
  });

  test('a near miss with a YAML error: the syntax error, then the name', () => {
    const { parsed, diagnostics } = analyse('framework:\n  name: Model Openess Framework\nrelease: {name: x\n');
    assert.equal(parsed.kind, 'mof');
    assert.deepEqual(diagnostics.map(brief), ['yaml/syntax@4:1-4:1', 'schema/enum@2:9-2:32']);
  });

  test('ordinary YAML that mentions the words stays unclaimed, unparsed', () => {
    for (const text of [
      'framework:\n  name: other\nsee: Model Openness Framework\n',
      'framework:\n  name: Openness Framework for Models\n',
      '# Model Openess Framework notes\nframework: express\n',
      'framwork:\n  name: Model Openness Framework\n',
      'frameworks:\n  - name: Model Openness Framework\n',
      'framework:\n  name: [Model Openess Framework]\n',
      'release:\n  framework:\n    name: Model Openess Framework\n',
    ]) {
      const { parsed, diagnostics } = analyse(text);
      assert.equal(parsed.kind, 'none', JSON.stringify(text));
      assert.deepEqual(diagnostics, []);
    }
    // The cheap check stays cheap and specific: the words must both be there.
    assert.equal(looksLikeMofText('name: my-app\nframework: express\ndependencies:\n  - yaml\n'), false);
    assert.equal(looksLikeMofText('framework: react\nhappens: often\n'), false);
  });
});

describe('a MOF-looking file whose YAML cannot be read', () => {
  const BOMB_MOF = `framework:\n  name: Model Openness Framework\n${aliasBomb()}`;
  const NOTE =
    /^Not checked as a Model Openness Framework model file: its YAML could not be read \(Too many alias expansions: this looks like an alias bomb/;

  test('an alias bomb: the alias-bomb error, and a note on `framework` that it was not checked', () => {
    const { parsed, diagnostics } = analyse(BOMB_MOF);
    assert.equal(parsed.kind, 'mof');
    assert.equal(parsed.value, undefined);
    assert.deepEqual(diagnostics.map(brief), ['yaml/syntax@4:8-4:9', 'yaml/syntax@1:1-1:10']);
    assert.deepEqual(
      diagnostics.map((d) => d.severity),
      [DiagnosticSeverity.Error, DiagnosticSeverity.Information],
    );
    assert.match(diagnostics[0].message, /alias bomb/);
    assert.match(diagnostics[1].message, NOTE);
    assert.deepEqual(diagnostics[1].data, { path: 'framework' });
    const title = '✗ Not checked as a MOF model file: its YAML could not be read';
    assert.deepEqual(
      service.getCodeLenses(parsed, diagnostics).map((l) => l.command?.title),
      [title],
    );
    assert.deepEqual(service.summarize(parsed, diagnostics), {
      verdict: { meets: false, state: 'fails', title },
      headline: title,
      json: { mofClass: null },
    });
    assert.equal(service.getChecklist(parsed, diagnostics), undefined);
    assert.deepEqual(service.getCodeActions(parsed, diagnostics, diagnostics), []);
    assert.equal(service.doHover(parsed, { line: 0, character: 2 }), null);
    assert.deepEqual(service.doComplete(parsed, { line: 1, character: 10 }).items, []);
  });

  test('a misspelt name in an alias bomb is told the same way (the name cannot be read)', () => {
    const { parsed, diagnostics } = analyse(`framework: {name: Model Openess Framework}\n${aliasBomb()}`);
    assert.equal(parsed.kind, 'mof');
    assert.deepEqual(diagnostics.map(brief), ['yaml/syntax@3:8-3:9', 'yaml/syntax@1:1-1:10']);
  });

  test("with Red Hat's YAML extension (yaml/syntax left to it), the note stays and says why", () => {
    const { diagnostics } = analyse(BOMB_MOF, { mofYamlSyntax: false });
    assert.deepEqual(diagnostics.map(brief), ['yaml/syntax@1:1-1:10']);
    assert.equal(diagnostics[0].severity, DiagnosticSeverity.Information);
    assert.match(diagnostics[0].message, NOTE);
  });

  test('nesting past the guard: refused while parsing, the note on the first line', () => {
    const text = `# Model Openness Framework model file\n${'['.repeat(300)}${']'.repeat(300)}\n`;
    const { parsed, diagnostics } = analyse(text);
    assert.equal(parsed.kind, 'mof');
    // The 257th `[` opens the 257th collection.
    assert.deepEqual(diagnostics.map(brief), ['yaml/syntax@2:257-2:258', 'yaml/syntax@1:1-1:38']);
    assert.match(
      diagnostics[1].message,
      /^Not checked as a Model Openness Framework model file: its YAML could not be read \(Nesting deeper than 256 levels/,
    );
  });

  test('an alias bomb that only mentions the words, with no top-level `framework` mapping, stays unclaimed', () => {
    for (const head of [
      '# Model Openness Framework notes\nframework: express\n',
      '# framework: {name: Model Openness Framework}\n',
    ]) {
      const { parsed, diagnostics } = analyse(head + aliasBomb());
      assert.equal(parsed.kind, 'none', head);
      assert.deepEqual(diagnostics, []);
    }
  });

  test('a MOF file over the size limit is not claimed (the size warning would be all there is to say)', () => {
    const text = olmoNamed('Model Openness Framework') + `# ${'x'.repeat(2000)}\n`;
    const { parsed } = analyse(text, { maxFileSize: 1024 });
    assert.equal(parsed.kind, 'none');
  });

  test('turning MOF off leaves near misses and unreadable files alone', () => {
    assert.equal(analyse(olmoNamed('Model Openess Framework'), { mof: false }).parsed.kind, 'none');
    assert.equal(analyse(BOMB_MOF, { mof: false }).parsed.kind, 'none');
  });
});

describe('osai-check (the built bin/osai-check.js; run `npm run build` first)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'osai-nearmiss-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const run = (...args: string[]) => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'osai-check.js'), ...args], {
      cwd: dir,
      encoding: 'utf8',
    });
    if (r.error) throw r.error;
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    return name;
  };

  test('a near miss named on the command line: exit 1 with the schema/enum error', () => {
    const r = run(write('misspelt.yml', olmoNamed('Model Openess Framework')));
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(r.stdout.trim().split('\n'), [
      'misspelt.yml:2:9 error schema/enum `framework.name` must be exactly ' +
        '`Model Openness Framework`: MOT rejects any other spelling, and this ' +
        'file is not checked as a MOF model file until it is fixed.',
    ]);
    assert.match(r.stderr, /^1 file checked: 1 error, 0 warnings$/m);
  });

  test('an alias bomb: not checked, and never passed over: exit 2, saying where and why', () => {
    const name = write('bomb.yml', `framework:\n  name: Model Openness Framework\n${aliasBomb()}`);
    for (const args of [[name], ['--ignore-unknown', name], ['--format', 'json', name]]) {
      const r = run(...args);
      assert.equal(r.code, 2, `${args.join(' ')}: ${r.stderr}`);
      assert.match(
        r.stderr,
        /^osai-check: bomb\.yml:4:8: not checked, its YAML could not be read: Too many alias expansions/m,
      );
      assert.match(r.stderr, /^osai-check: 1 file could not be checked \(exit 2\)$/m);
    }
  });

  test('found in a folder: the near miss is checked, a file that only mentions the words is not', () => {
    mkdirSync(join(dir, 'models'), { recursive: true });
    writeFileSync(join(dir, 'models', 'typo.yml'), olmoNamed('Model Openness Framwork'));
    writeFileSync(join(dir, 'models', 'notes.yml'), 'framework:\n  name: other\nsee: Model Openness Framework\n');
    const r = run('models');
    assert.equal(r.code, 1, r.stderr);
    assert.deepEqual(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(' ').slice(0, 3).join(' ')),
      ['models/typo.yml:2:9 error schema/enum'],
    );
  });
});
