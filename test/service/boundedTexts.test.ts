/**
 * Every text the service returns stays small whatever the user wrote: a 10,000-character key
 * or value is quoted shortened (`shorten`, `codeSpan`) in messages, hovers, code-action and
 * code-lens titles, checklist items and outline symbols. The edits keep the full text.
 *
 * The property runs over every format of the registry (its corpus in test/fuzz/corpora.ts):
 * a few fixtures each, with a long run of `v` appended to every plain `key: value` value
 * ("value") or to every nested key ("key").
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-types';
import type { ParsedDocument } from '../../server/src/service';
import { codeSpan, quoteUserText, shorten } from '../../server/src/service/text/text';
import { shortPath } from '../../server/src/service/yaml/nodes';
import { MAX_SYMBOL_TEXT } from '../../server/src/service/yaml/symbols';
import { corpusFor, type FormatCorpus } from '../fuzz/corpora';
import { FORMAT_IDS } from '../fuzz/fuzzer';
import { doc, example, ROOT, service } from '../helpers';

const LONG = 'v'.repeat(10_000);
/** What a shortened quote of the long run looks like: some `v`s, then `…`. */
const SHORTENED = 'vvvvvvvvvv…';
const FIXTURES_PER_FORMAT = 4;

const LIMITS = { message: 1000, symbol: 1000, hover: 3000, title: 300, checklistItem: 3000 };

/**
 * A `key: value` line (or `- key: value`) with a plain value: 1 indent and dash, 2 key, 3 colon, 4 space, 5 value, 6
 * CR.
 */
const KEY_VALUE = /^([ \t]*(?:- )?)([A-Za-z_][\w.-]*)(:)([ \t]+)([A-Za-z0-9][^#'"{}[\]\r]*?)(\r?)$/;

type Mode = 'value' | 'key';

/**
 * `text` with the long run appended to every plain value, or to every nested key (top-level
 * keys recognise the format), in the format's body: below its header, and in a card's front
 * matter only (the Markdown below it is not read). `lines`: the lines changed.
 */
function lengthen(text: string, mode: Mode, corpus: FormatCorpus): { text: string; lines: number[] } {
  const changed: number[] = [];
  const all = text.split('\n');
  const start = (corpus.bodyStart ?? (() => 0))(all);
  const end =
    corpus.languageId === 'markdown' ? all.findIndex((line, i) => i > 0 && /^---\r?$/.test(line)) : all.length;
  const out = all.map((line, i) => {
    const m = KEY_VALUE.exec(line);
    if (!m || i < start || i >= end) return line;
    const [, indent, key, colon, space, value, cr] = m;
    if (mode === 'key' && indent.length === 0) return line; // top-level keys recognise the format
    changed.push(i);
    return mode === 'value'
      ? `${indent}${key}${colon}${space}${value}${LONG}${cr}`
      : `${indent}${key}${LONG}${colon}${space}${value}${cr}`;
  });
  return { text: out.join('\n'), lines: changed };
}

interface Outputs {
  /** Every text the service returned, for the "quotes the long text" check. */
  texts: string[];
  /** Texts over their limit. */
  over: string[];
}

function collect(parsed: ParsedDocument, lines: readonly number[]): Outputs {
  const out: Outputs = { texts: [], over: [] };
  const check = (what: string, text: string, limit: number) => {
    out.texts.push(text);
    if (text.length > limit) out.over.push(`${what} (${text.length} characters): ${text.slice(0, 100)}`);
  };
  const diagnostics: Diagnostic[] = service.doValidation(parsed);
  for (const d of diagnostics) check(`message of ${d.code}`, d.message, LIMITS.message);
  const walk = (symbols: ReturnType<typeof service.findDocumentSymbols>) => {
    for (const s of symbols) {
      check('symbol name', s.name, LIMITS.symbol);
      check('symbol detail', s.detail ?? '', LIMITS.symbol);
      walk(s.children ?? []);
    }
  };
  walk(service.findDocumentSymbols(parsed));
  const document = parsed.document;
  const hoverAt = (line: number, character: number) => {
    const h: Hover | null = service.doHover(parsed, { line, character });
    if (h) check(`hover at ${line + 1}:${character + 1}`, JSON.stringify(h.contents), LIMITS.hover);
  };
  for (let line = 0; line < document.lineCount; line++) for (const character of [2, 8, 20]) hoverAt(line, character);
  // On the long text itself, and on the key of its line.
  for (const line of lines) {
    const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
    hoverAt(line, text.indexOf('vvvv') + 1);
    hoverAt(line, text.search(/\S/) + (text.trimStart().startsWith('- ') ? 2 : 0));
  }
  const actions: CodeAction[] = service.getCodeActions(parsed, diagnostics, diagnostics);
  for (const a of actions) check('code action title', a.title, LIMITS.title);
  for (const lens of service.getCodeLenses(parsed, diagnostics))
    check('code lens title', lens.command?.title ?? '', LIMITS.title);
  const checklist = service.getChecklist(parsed, diagnostics);
  for (const item of checklist?.groups.flatMap((g) => g.items) ?? [])
    check(`checklist item ${item.id}`, JSON.stringify(item), LIMITS.checklistItem);
  return out;
}

for (const id of FORMAT_IDS) {
  const corpus = corpusFor(id);
  for (const mode of ['value', 'key'] as const) {
    test(`${id}: a 10,000-character ${mode} is quoted shortened in every returned text`, () => {
      let exercised = 0;
      // The first few fixtures that have a line to lengthen (a card may have no nested key).
      for (const fixture of corpus.fixtures) {
        if (exercised === FIXTURES_PER_FORMAT) break;
        const { text, lines } = lengthen(fixture.text, mode, corpus);
        if (lines.length === 0) continue;
        exercised++;
        const parsed = service.parse(TextDocument.create(corpus.uri, corpus.languageId, 1, text));
        assert.equal(parsed.kind, id, `${fixture.name} is still a ${id}`);
        const { texts, over } = collect(parsed, lines);
        assert.deepEqual(over, [], `${fixture.name}: texts over their limit`);
        assert.ok(
          texts.some((t) => t.includes(SHORTENED)),
          `${fixture.name}: some text quotes the long ${mode}, shortened`,
        );
      }
      assert.ok(exercised > 0, `no fixture of ${id} has a line to lengthen`);
    });
  }
}

// ---------------------------------------------------------------------------------------
// Exact cases

const olmo = example('olmo-7b.osai.yaml');

test('codeSpan: at most 60 characters between the backticks, backticks inside turned into quotes', () => {
  assert.equal(codeSpan('MIT'), '`MIT`');
  assert.equal(codeSpan('a`b'), "`a'b`");
  assert.equal(codeSpan('x'.repeat(61)), `\`${'x'.repeat(59)}…\``);
  assert.equal(codeSpan('`'.repeat(100)), `\`${"'".repeat(59)}…\``);
  assert.equal(quoteUserText('Apache License'), '"Apache License"');
  assert.equal(quoteUserText(''), '""');
  assert.equal(quoteUserText('y'.repeat(100)), `\`${'y'.repeat(59)}…\``);
});

test('manifest: a 500-character unknown license is quoted by its first 59 characters and …', () => {
  const value = 'q'.repeat(500);
  const text = olmo.replace('  license: CC-BY-4.0', `  license: ${value}`);
  assert.notEqual(text, olmo);
  const unknown = service.doValidation(service.parse(doc(text))).filter((d) => d.code === 'license/unknown');
  assert.equal(unknown.length, 1);
  assert.ok(
    unknown[0].message.startsWith(`\`${'q'.repeat(59)}…\` is not a known SPDX license id or license name.`),
    unknown[0].message,
  );
  assert.ok(!unknown[0].message.includes('q'.repeat(60)));
});

test('manifest: a 1,000-character license value is not quoted at all (too long to be a license)', () => {
  const text = olmo.replace('  license: CC-BY-4.0', `  license: ${'q'.repeat(1000)}`);
  const unknown = service.doValidation(service.parse(doc(text))).filter((d) => d.code === 'license/unknown');
  assert.equal(unknown.length, 1);
  assert.ok(unknown[0].message.startsWith('This value is 1000 characters long'), unknown[0].message);
});

test('manifest: the hover of a long license value quotes it shortened', () => {
  const value = `CC-BY-4.0${'v'.repeat(400)}`;
  const text = olmo.replace('  license: CC-BY-4.0', `  license: ${value}`);
  const parsed = service.parse(doc(text));
  const line = text.split('\n').findIndex((l) => l.includes(value));
  const hover = service.doHover(parsed, { line, character: 20 });
  const markdown = (hover?.contents as { value: string }).value;
  assert.ok(markdown.startsWith(`**License** \`${value.slice(0, 59)}…\`\n`), markdown);
  assert.ok(!markdown.includes('v'.repeat(60)), markdown);
});

test(`outline: a 1,000-character key or value is named shortened to ${MAX_SYMBOL_TEXT} characters`, () => {
  const key = `x-${'k'.repeat(998)}`;
  const value = 'w'.repeat(1000);
  const parsed = service.parse(doc(`osaid: "1.0"\n${key}: ${value}\nx-list:\n  - ${value}\n`));
  const symbols = service.findDocumentSymbols(parsed);
  const symbol = symbols.find((s) => s.name.startsWith('x-k'));
  assert.equal(symbol?.name, `x-${'k'.repeat(117)}…`); // 2 + 117 + 1 = 120 characters
  assert.equal(symbol?.name.length, MAX_SYMBOL_TEXT);
  assert.equal(symbol?.detail, `${'w'.repeat(MAX_SYMBOL_TEXT - 1)}…`);
  assert.equal(symbols.find((s) => s.name === 'x-list')?.children?.[0].name, `${'w'.repeat(MAX_SYMBOL_TEXT - 1)}…`);
});

test('shortPath: each key of a path shortened, then the whole', () => {
  assert.equal(shortPath(['release', 'components', 3, 'name']), 'release.components[3].name');
  assert.equal(shortPath(['parameters', 'p'.repeat(100), 'license']), `parameters.${'p'.repeat(59)}….license`);
  assert.equal(shortPath(Array.from({ length: 10 }, () => 'k'.repeat(100))).length, 240);
});

test(
  'manifest: a replacement quick fix for a long custom license quotes it ' +
    'shortened in its title, and writes it whole',
  () => {
    const written = `licenseref-${'c'.repeat(400)}`;
    const text = olmo.replace('  license: CC-BY-4.0', `  license: ${written}`);
    const parsed = service.parse(doc(text));
    const diagnostics = service.doValidation(parsed);
    const canonical = diagnostics.find((d) => d.code === 'license/non-canonical')!;
    // 59 characters of each, then `…`: `licenseref-` is 11 of them.
    assert.ok(
      canonical.message.startsWith(
        `\`licenseref-${'c'.repeat(48)}…\` should start with \`LicenseRef-\` ` +
          `exactly; write \`LicenseRef-${'c'.repeat(48)}…\`.`,
      ),
      canonical.message,
    );
    const action = service
      .getCodeActions(parsed, [canonical], diagnostics)
      .find((a) => a.title.startsWith('Change to'))!;
    assert.equal(action.title, `Change to \`LicenseRef-${'c'.repeat(48)}…\``);
    assert.equal(Object.values(action.edit?.changes ?? {}).flat()[0].newText, `LicenseRef-${'c'.repeat(400)}`);
  },
);

const card = (front: string) =>
  TextDocument.create('file:///cards/README.md', 'markdown', 1, `---\n${front}\n---\n# Model\n`);

test('model card: a long license is quoted shortened; its fix keeps the full text', () => {
  const license = `apache-2.0${'v'.repeat(1000)}`;
  const parsed = service.parse(card(`license: ${license}\ndatasets:\n- allenai/dolma`));
  assert.equal(parsed.kind, 'modelcard');
  const diagnostics = service.doValidation(parsed);
  const hub = diagnostics.find((d) => d.code === 'hf/license-id')!;
  assert.ok(hub.message.startsWith(`${codeSpan(license)} is not one of the Hub's license ids.`), hub.message);
  const unknown = diagnostics.find((d) => d.code === 'license/unknown')!;
  assert.ok(
    unknown.message.startsWith(`${codeSpan(`license: ${license}`)} is not a license this checker knows`),
    unknown.message,
  );
  const action = service
    .getCodeActions(parsed, [hub], diagnostics)
    .find((a) => a.title.startsWith('Change to `other` and add'))!;
  assert.equal(action.title, `Change to \`other\` and add ${codeSpan(`license_name: ${license}`)}`);
  const edits = Object.values(action.edit?.changes ?? {}).flat();
  assert.ok(
    edits.some((e) => e.newText.includes(`license_name: ${license}`)),
    'the edit writes the full name',
  );
});

test('model card: a long dataset id is quoted shortened in its hover and in the checklist', () => {
  const id = `allenai/${'d'.repeat(1000)}`;
  const text = `license: apache-2.0\ndatasets:\n- ${id}`;
  const parsed = service.parse(card(text));
  const hover = service.doHover(parsed, { line: 3, character: 5 });
  const markdown = (hover?.contents as { value: string }).value;
  assert.ok(markdown.startsWith(`**Training dataset** ${codeSpan(id)} — listed in \`datasets\``), markdown);
  const item = service
    .getChecklist(parsed, service.doValidation(parsed))!
    .groups.flatMap((g) => g.items)
    .find((i) => i.id === 'data_information.training_data')!;
  assert.equal(item.detail, `1 dataset listed in \`datasets\`: ${shorten(id)}.`);
});

test('MOF: an unknown component with a long name is quoted shortened', () => {
  const mof = readFileSync(join(ROOT, 'test', 'fixtures', 'mof', 'OLMo-7B.yml'), 'utf8');
  const name = `Datasets${'v'.repeat(1000)}`;
  const text = mof.replace(/name: Datasets$/m, `name: ${name}`);
  assert.notEqual(text, mof);
  const parsed = service.parse(TextDocument.create('file:///m/model.yml', 'yaml', 1, text));
  const d = service.doValidation(parsed).find((x) => x.code === 'mof/unknown-component')!;
  assert.ok(d.message.startsWith(`${codeSpan(name)} is not a MOF component name.`), d.message);
});
