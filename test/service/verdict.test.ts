/**
 * One verdict per file, stated the same everywhere: the code lens, the status bar (its count),
 * the checklist view, the command line (table, JSON) and the report, for every example and
 * fixture file. The count is the number of required checklist items not met.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { main } from '../../server/src/cli';
import type { JsonOutput } from '../../server/src/cli/formats';
import { getLanguageService } from '../../server/src/service';
import { ROOT } from '../helpers';

function files(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((e) => {
    const path = join(dir, e);
    return statSync(path).isDirectory() ? files(path) : /\.ya?ml$|\.md$/.test(e) && e !== 'ATTRIBUTION.md' ? [path] : [];
  });
}

const ALL = [...files(join(ROOT, 'examples')), ...files(join(ROOT, 'test', 'fixtures', 'manifests')), ...files(join(ROOT, 'test', 'fixtures', 'mof')), ...files(join(ROOT, 'test', 'fixtures', 'cards'))]
  .map((path) => relative(ROOT, path).split('\\').join('/'));

test('every place states the same verdict and count for the same file', () => {
  const service = getLanguageService();
  const out: string[] = [];
  assert.equal(main(['--format', 'json', ...ALL], (s) => out.push(s), () => {}, { cwd: ROOT, env: {} }) <= 1, true);
  const json = JSON.parse(out.join('\n')) as JsonOutput;
  const table: string[] = [];
  main(['--format', 'table', ...ALL], (s) => table.push(s), () => {}, { cwd: ROOT, env: {} });
  const rows = table.join('\n').split('\n').slice(2).map((l) => l.split(/ {2,}/));
  let checked = 0;
  for (const [index, file] of ALL.entries()) {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const parsed = service.parse(TextDocument.create(`file:///${file}`, file.endsWith('.md') ? 'markdown' : 'yaml', 1, text));
    if (parsed.kind === 'none') continue;
    checked++;
    const diagnostics = service.doValidation(parsed);
    const checklist = service.getChecklist(parsed, diagnostics)!;
    const { verdict } = checklist;
    // The count, from the items themselves (what the tree view shows).
    const unmet = checklist.groups.flatMap((g) => g.items).filter((i) => i.level === 'required' && ['missing', 'not-open', 'invalid'].includes(i.status)).length;
    assert.equal(verdict.unmet, unmet, file);
    if (verdict.syntaxErrors === 0) {
      assert.equal(verdict.meets, unmet === 0 && verdict.notStated === 0, file);
      assert.match(verdict.title, unmet > 0 ? new RegExp(`^✗ ${unmet} unmet OSAID 1\\.0 requirements?\\b`) : verdict.notStated > 0 ? new RegExp(`^○ .* ${verdict.notStated} not stated`) : /^✓ Meets the OSAID 1\.0 checks/, file);
    } else {
      assert.match(verdict.title, /YAML syntax error/, file);
    }
    // Code lens: one of the lenses states it.
    assert.ok(service.getCodeLenses(parsed, diagnostics).some((l) => l.command?.title === verdict.title), `${file}: lens`);
    // Command line: JSON and table.
    assert.equal(json.files[index].file, file);
    assert.deepEqual(json.files[index].verdict, { meets: verdict.meets, title: verdict.title }, `${file}: JSON`);
    assert.equal(rows[index][0], file);
    assert.equal(rows[index][2], verdict.title, `${file}: table`);
    // Report.
    const report = service.renderReport([{ file, checklist }], 'md', { date: new Date(0) });
    assert.ok(report.includes(`**Verdict:** ${verdict.title}`), `${file}: report`);
  }
  assert.ok(checked >= 70, `checked ${checked} files`);
});
