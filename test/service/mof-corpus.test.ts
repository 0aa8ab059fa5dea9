/**
 * Robustness over MOT's 273 published model files (test/fixtures/mof-corpus, see its
 * ATTRIBUTION.md): no exception, every range inside the document, a class for each, and
 * every feature callable at every position.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parseDocument } from 'yaml';
import { Range } from 'vscode-languageserver-types';
import { evaluateMofClass, looksLikeMofText, mofClassActions } from '../../server/src/service/formats/mof';
import { applyWorkspaceEdit, yamlDoc, ROOT, service } from '../helpers';

const DIR = join(ROOT, 'test', 'fixtures', 'mof-corpus');
const URI = 'file:///corpus/model.yml';

function inside(range: Range, lines: string[]): boolean {
  const ok = (p: { line: number; character: number }) =>
    p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
  const ordered =
    range.start.line < range.end.line ||
    (range.start.line === range.end.line && range.start.character <= range.end.character);
  return ok(range.start) && ok(range.end) && ordered;
}

describe('MOT model corpus (273 files)', () => {
  const files = readdirSync(DIR)
    .filter((f) => f.endsWith('.yml'))
    .sort();

  test('all 273 files are there', () => {
    assert.equal(files.length, 273);
  });

  test('each file: recognised, classified, diagnostics well-formed with ranges inside the document', () => {
    const classes = new Map<string, number>();
    for (const file of files) {
      const text = readFileSync(join(DIR, file), 'utf8');
      assert.ok(looksLikeMofText(text), file);
      const parsed = service.parse(yamlDoc(text, URI));
      assert.ok(parsed.kind === 'mof', file);
      const result = evaluateMofClass(parsed);
      assert.ok(result, file);
      assert.ok(result.class === null || [1, 2, 3].includes(result.class), file);
      for (const c of [1, 2, 3] as const)
        assert.ok(result.progress[c] >= 0 && result.progress[c] <= 100, `${file} progress ${c}`);
      assert.match(result.title, /^MOF (Class (I|II|III) — |unclassified)/, file);
      classes.set(String(result.class), (classes.get(String(result.class)) ?? 0) + 1);
      const lines = text.split(/\r?\n/);
      const diagnostics = service.doValidation(parsed);
      for (const d of diagnostics) {
        assert.ok(inside(d.range, lines), `${file}: ${d.code} at ${JSON.stringify(d.range)}`);
        assert.equal(d.source, 'osai');
        assert.equal(typeof d.code, 'string');
        assert.ok(d.message.length > 0);
        assert.equal(typeof (d.data as { path?: unknown }).path, 'string', `${file}: ${d.code} has data.path`);
      }
      // The published files are schema-clean and use only the 17 names.
      assert.deepEqual(
        diagnostics
          .filter((d) => /^(schema|mof\/(missing|unknown-component|duplicate-component))/.test(String(d.code)))
          .map((d) => d.message),
        [],
        file,
      );
      assert.equal(service.getCodeLenses(parsed, []).length, 2);
    }
    // The distribution of classes over the corpus, as evaluated by MOT's rules.
    assert.deepEqual(Object.fromEntries([...classes].sort()), { 1: 14, 2: 1, 3: 16, null: 242 });
  });

  test(
    'each file: hovers, completions and code actions at every line never ' + 'throw, and every fix yields valid YAML',
    () => {
      for (const file of files) {
        const text = readFileSync(join(DIR, file), 'utf8');
        const parsed = service.parse(yamlDoc(text, URI));
        const lines = text.split(/\r?\n/);
        lines.forEach((line, i) => {
          for (const character of [0, line.search(/\S|$/), Math.floor(line.length / 2), line.length - 1, line.length]) {
            if (character < 0) continue;
            const hover = service.doHover(parsed, { line: i, character });
            if (hover?.range) assert.ok(inside(hover.range, lines), `${file} hover range`);
            assert.ok(Array.isArray(service.doComplete(parsed, { line: i, character }).items));
          }
        });
        const diagnostics = service.doValidation(parsed);
        const actions = [...service.getCodeActions(parsed, diagnostics, diagnostics), ...mofClassActions(parsed)];
        for (const action of actions) {
          const fixed = applyWorkspaceEdit(text, action.edit, URI);
          assert.equal(parseDocument(fixed).errors.length, 0, `${file}: ${action.title}`);
        }
      }
    },
  );
});
