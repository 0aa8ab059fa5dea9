/**
 * Fix safety as a property: for every fixture and every quick fix offered, applying it
 * changes nothing outside its edits, keeps every comment, and removes the diagnostic it
 * was offered for.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic } from 'vscode-languageserver-types';
import { parseDocument } from 'yaml';
import { seedTexts } from '../fuzz/fuzzer';
import { comments, doc, service } from '../helpers';

const key = (d: Diagnostic) => `${d.code} ${(d.data as { path?: string } | undefined)?.path}`;

test('every quick fix on every fixture is safe and effective', () => {
  let checked = 0;
  for (const text of seedTexts()) {
    const document = doc(text);
    const parsed = service.parse(document);
    const diagnostics = service.doValidation(parsed);
    const yamlWasValid = parsed.yaml?.errors.length === 0;
    for (const action of service.getCodeActions(parsed, diagnostics, diagnostics)) {
      const edits = action.edit?.changes?.[document.uri] ?? [];
      assert.ok(edits.length > 0, `"${action.title}" has edits`);
      const fixed = TextDocument.applyEdits(document, edits);
      // Outside the edits nothing changes: the text before the first and after the last edit is identical,
      // and between edits the original text survives in order.
      const offsets = edits.map((e) => [document.offsetAt(e.range.start), document.offsetAt(e.range.end), e.newText] as const).sort((a, b) => a[0] - b[0]);
      let rebuilt = '';
      let cursor = 0;
      for (const [start, end, newText] of offsets) {
        assert.ok(start >= cursor, `"${action.title}": edits do not overlap`);
        rebuilt += text.slice(cursor, start) + newText;
        cursor = end;
      }
      rebuilt += text.slice(cursor);
      assert.equal(fixed, rebuilt);
      for (const [start, end] of offsets) assert.ok(!/#/.test(text.slice(start, end)) || comments(fixed).length === comments(text).length, 'no comment inside a replaced range');
      assert.deepEqual(comments(fixed), comments(text), `"${action.title}" keeps every comment`);
      if (yamlWasValid) assert.equal(parseDocument(fixed).errors.length, 0, `"${action.title}" leaves valid YAML`);
      const after = new Set(service.doValidation(service.parse(doc(fixed))).map(key));
      for (const d of action.diagnostics ?? []) {
        assert.ok(!after.has(key(d)), `"${action.title}" removes ${key(d)}`);
      }
      checked++;
    }
  }
  assert.ok(checked > 40, `${checked} quick fixes checked`);
});
