/**
 * Fix safety as a property, for every format of the registry: on every fixture of its corpus
 * (test/fuzz/corpora.ts), every quick fix offered — for the whole document, for each
 * diagnostic on its own (as an editor asks for the diagnostic under the cursor), and the
 * format's diagnostic-less actions (MOF's class-level ones) — applied, changes nothing
 * outside its edits, keeps every comment, leaves valid YAML that is still recognised as the
 * same format, and removes the diagnostics it was offered for (a diagnostic is the same when its
 * code, path and component are). What else a format's fixes promise — e.g. MOF's "add
 * components" fixes, which add unlicensed components and so bring new license diagnostics on
 * them — is checked by the corpus's `checkFix` (see corpora.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction } from 'vscode-languageserver-types';
import { parseDocument } from 'yaml';
import { brokenFixtures, corpusFor, diagnosticKey as key, FormatCorpus, Seed } from '../fuzz/corpora';
import { FORMAT_IDS } from '../fuzz/fuzzer';
import { comments, service } from '../helpers';

/** Fixes that wrote a placeholder, across the corpora: the property below must have been exercised. */
let placeholderFixes = 0;

/** At least this many distinct fixes are checked per format (so a corpus that offers none fails). */
const MINIMUM_CHECKED: Readonly<Record<string, number>> = { osai: 40, mof: 300 };

/**
 * Every fixture gets each breakage, except that of MOF's many look-alike fixtures only every 4th does, and of model
 * cards every 2nd.
 */
const BROKEN_STRIDE: Readonly<Record<string, number>> = { mof: 4, modelcard: 2 };
/**
 * At least this many fixes are checked on broken YAML per format (insertions are not offered there; replacements are).
 */
const MINIMUM_CHECKED_BROKEN: Readonly<Record<string, number>> = { osai: 10, mof: 8, modelcard: 10 };

for (const id of FORMAT_IDS) {
  test(`fix safety (${id}): every quick fix on every fixture is safe and effective`, (t) => {
    const corpus = corpusFor(id);
    let checked = 0;
    for (const fixture of corpus.fixtures) checked += checkEveryFix(corpus, id, fixture, false);
    t.diagnostic(`${id}: ${checked} quick fixes on ${corpus.fixtures.length} fixtures`);
    assert.ok(checked >= (MINIMUM_CHECKED[id] ?? 1), `${id}: ${checked} quick fixes checked`);
    if (id === 'osai') assert.ok(placeholderFixes >= 20, `${placeholderFixes} fixes that write a placeholder checked`);
  });

  test(`fix safety (${id}): on broken YAML, no quick fix adds a YAML error or a duplicate key`, (t) => {
    const corpus = corpusFor(id);
    const broken = brokenFixtures(corpus, BROKEN_STRIDE[id] ?? 1, true);
    assert.ok(broken.length >= 5, `${id}: ${broken.length} broken fixtures`);
    let checked = 0;
    for (const fixture of broken) checked += checkEveryFix(corpus, id, fixture, true);
    t.diagnostic(`${id}: ${checked} quick fixes on ${broken.length} broken fixtures`);
    assert.ok(checked >= (MINIMUM_CHECKED_BROKEN[id] ?? 0), `${id}: ${checked} quick fixes checked on broken YAML`);
  });
}

/**
 * Applies every fix offered on one fixture and checks the properties; returns how many fixes
 * were checked. On a fixture with a syntax error (`broken`), a fix must not add a YAML error
 * (the parser's errors after are a subset of those before, by message) — in particular no
 * duplicate key, which a fix inserting a key the broken parse hides would write.
 */
function checkEveryFix(corpus: FormatCorpus, id: string, fixture: Seed, broken: boolean): number {
  let checked = 0;
  const text = fixture.text;
  const document = TextDocument.create(corpus.uri, corpus.languageId, 1, text);
  const reopen = (next: string) => TextDocument.create(corpus.uri, corpus.languageId, 2, next);
  const parsed = service.parse(document);
  assert.equal(parsed.kind, id, `${fixture.name} is recognised as ${id}`);
  const errorsBefore = parsed.yaml?.errors.map((e) => e.message) ?? [];
  if (broken) assert.ok(errorsBefore.length > 0, `${fixture.name} has a YAML error`);
  const diagnostics = service.doValidation(parsed);
  const offered = [
    ...service.getCodeActions(parsed, diagnostics, diagnostics),
    ...diagnostics.flatMap((d) => service.getCodeActions(parsed, [d], diagnostics)),
    ...(corpus.extraActions?.(parsed) ?? []),
  ];
  // The same fix comes with several requests (the class-level ones with each): check it once, for every diagnostic it
  // was offered for.
  const actions = new Map<string, CodeAction>();
  for (const a of offered) {
    if (!a.edit) continue; // a command (e.g. "Create osai.yaml from this card") does its work elsewhere
    const actionId = `${a.title}\0${JSON.stringify(a.edit)}`;
    const known = actions.get(actionId);
    actions.set(actionId, known ? { ...a, diagnostics: [...(known.diagnostics ?? []), ...(a.diagnostics ?? [])] } : a);
  }
  for (const action of actions.values()) {
    const what = `${fixture.name}: "${action.title}"`;
    assert.deepEqual(Object.keys(action.edit?.changes ?? {}), [document.uri], `${what} edits this document only`);
    const edits = action.edit?.changes?.[document.uri] ?? [];
    assert.ok(edits.length > 0, `${what} has edits`);
    const fixed = TextDocument.applyEdits(document, edits);
    // The parse of broken YAML may hide keys or stretch a node over the rest of the file: fixes then change one line at
    // a time.
    if (broken)
      for (const e of edits)
        assert.ok(
          e.range.start.line === e.range.end.line && !/[\r\n]/.test(e.newText),
          `${what} changes text within one line`,
        );
    // Outside the edits nothing changes: the text before the first and after the last edit is identical,
    // and between edits the original text survives in order.
    const offsets = edits
      .map((e) => [document.offsetAt(e.range.start), document.offsetAt(e.range.end), e.newText] as const)
      .sort((a, b) => a[0] - b[0]);
    let rebuilt = '';
    let cursor = 0;
    for (const [start, end, newText] of offsets) {
      assert.ok(start >= cursor, `${what}: edits do not overlap`);
      rebuilt += text.slice(cursor, start) + newText;
      cursor = end;
    }
    rebuilt += text.slice(cursor);
    assert.equal(fixed, rebuilt, what);
    for (const [start, end] of offsets)
      assert.ok(
        !/#/.test(text.slice(start, end)) || comments(fixed).length === comments(text).length,
        `${what}: no comment inside a replaced range`,
      );
    assert.deepEqual(comments(fixed), comments(text), `${what} keeps every comment`);
    const after = service.parse(reopen(fixed));
    // As the format parses it (a card: its front matter only).
    const errorsAfter = after.yaml?.errors.map((e) => e.message) ?? [];
    if (broken) {
      const left = [...errorsBefore];
      const added = errorsAfter.filter((e) => {
        const i = left.indexOf(e);
        if (i < 0) return true;
        left.splice(i, 1);
        return false;
      });
      assert.deepEqual(added, [], `${what} adds no YAML error:\n${fixed}`);
    } else {
      assert.deepEqual(errorsAfter, [], `${what} leaves valid YAML`);
    }
    assert.equal(after.kind, id, `${what} leaves a document still recognised as ${id}`);
    const afterDiagnostics = service.doValidation(after);
    // Removing a diagnostic by writing a placeholder is no progress: a fix that writes `TODO` never lowers the
    // count of unmet requirements, and never turns a verdict green.
    if (edits.some((e) => /\bTODO\b/.test(e.newText)) && !broken) {
      const verdictBefore = service.getChecklist(parsed, diagnostics)?.verdict;
      const verdictAfter = service.getChecklist(after, afterDiagnostics)?.verdict;
      if (verdictBefore && verdictAfter) {
        assert.ok(
          verdictAfter.unmet >= verdictBefore.unmet,
          `${what}: ${verdictBefore.unmet} unmet before, ${verdictAfter.unmet} after a placeholder`,
        );
        if (!verdictBefore.meets)
          assert.equal(verdictAfter.meets, false, `${what}: a placeholder turned the verdict green`);
        placeholderFixes++;
      }
    }
    const remaining = new Set(afterDiagnostics.map(key));
    for (const d of action.diagnostics ?? []) {
      assert.ok(!remaining.has(key(d)), `${what} removes ${key(d)}`);
    }
    assert.equal(
      corpus.checkFix?.({ action, before: parsed, beforeDiagnostics: diagnostics, after, afterDiagnostics }),
      undefined,
      what,
    );
    checked++;
  }
  return checked;
}

// Found by `npm run fuzz` (format mof, seed 34968): when `release.components` held a block
// mapping or a block scalar followed by another key, the add-component fixes deleted it and
// broke the YAML (`components:  producer: y`). What the user wrote there is theirs: no fix
// replaces it; the type error says what to do, and every fix still offered keeps the text.
test('fix safety (mof): no fix replaces a `components` that holds a mapping or text', () => {
  const corpus = corpusFor('mof');
  for (const value of ['\n    a: b', ' |\n    text', ' some text']) {
    const text =
      `framework:\n  name: Model Openness Framework\nrelease:\n  name: x\n  components:` + `${value}\n  producer: y\n`;
    const document = TextDocument.create(corpus.uri, corpus.languageId, 1, text);
    const parsed = service.parse(document);
    const diagnostics = service.doValidation(parsed);
    assert.ok(
      diagnostics.some((d) => d.code === 'schema/type' && (d.data as { path?: string }).path === 'release.components'),
      JSON.stringify(value),
    );
    const actions = service.getCodeActions(parsed, diagnostics, diagnostics);
    assert.deepEqual(
      actions.filter((a) => a.title.startsWith('Add')).map((a) => a.title),
      [],
      JSON.stringify(value),
    );
    for (const action of actions) {
      const fixed = TextDocument.applyEdits(document, action.edit?.changes?.[document.uri] ?? []);
      assert.deepEqual(
        parseDocument(fixed).errors.map((e) => e.message),
        [],
        `"${action.title}" leaves valid YAML:\n${fixed}`,
      );
      assert.ok(fixed.includes(`components:${value}\n`), `"${action.title}" keeps what the user wrote`);
    }
  }
});
