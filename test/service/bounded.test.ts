/**
 * Bounded work on large or hostile input, measured as work (pairs scanned, diagnostics,
 * symbols), never as wall-clock time.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService, MAX_DIAGNOSTICS } from '../../server/src/service';
import { mappingScans } from '../../server/src/service/yaml/nodes';
import { MAX_YAML_TOKENS, yamlWork } from '../../server/src/service/yaml/parse';
import { Lexer } from 'yaml';
import { MAX_SYMBOLS } from '../../server/src/service/yaml/symbols';
import { shorten } from '../../server/src/service/text/text';
import { doc, ROOT } from '../helpers';

const service = getLanguageService();

function validate(text: string) {
  const parsed = service.parse(doc(text));
  return { parsed, diagnostics: service.doValidation(parsed) };
}

test('4,000 unknown top-level keys: the mapping is scanned a bounded number of times, not once per key', () => {
  const n = 4000;
  const text = 'osaid: "1.0"\n' + Array.from({ length: n }, (_, i) => `k${i}: 1`).join('\n') + '\n';
  const before = mappingScans.pairs;
  const { diagnostics } = validate(text);
  const scanned = mappingScans.pairs - before;
  // The old code rescanned the whole mapping for each unknown key: n² ≈ 16,000,000 pairs.
  assert.ok(scanned < 20 * n, `${scanned} pairs scanned for ${n} keys`);
  assert.equal(diagnostics.length, MAX_DIAGNOSTICS + 1);
  assert.ok(diagnostics.filter((d) => d.code === 'schema/unknown-key').length > MAX_DIAGNOSTICS - 10);
});

test('16,000 allowed (`x-`) keys: near-linear scanning, and duplicates are still found', () => {
  const n = 16_000;
  const text = 'osaid: "1.0"\n' + Array.from({ length: n }, (_, i) => `x-k${i}: 1`).join('\n') + '\nx-k7: 2\n';
  const before = mappingScans.pairs;
  const { diagnostics } = validate(text);
  const scanned = mappingScans.pairs - before;
  assert.ok(scanned < 20 * n, `${scanned} pairs scanned for ${n} keys`);
  const duplicates = diagnostics.filter((d) => d.code === 'yaml/syntax' && /Duplicate key/.test(d.message));
  assert.deepEqual(
    duplicates.map((d) => d.range.start.line),
    [n + 1],
  );
});

test('duplicate keys: found where the parser found them, nested and in flow mappings', () => {
  const { diagnostics } = validate('a: 1\nx:\n  b: 1\n  # c\n  b: 2\ny: {c: 1, c: 2}\na: 3\n');
  const found = diagnostics
    .filter((d) => /Duplicate key/.test(d.message))
    .map((d) => `${d.range.start.line}:${d.range.start.character}`);
  assert.deepEqual(found, ['4:2', '5:10', '6:0']);
});

test('40,000 diagnostics: errors first, 500 kept, then one size/too-many', () => {
  const n = 40_000;
  const text = 'osaid: "1.0"\ncode:\n  supporting_libraries: [' + Array(n).fill('1').join(', ') + ']\n';
  const { diagnostics } = validate(text);
  assert.equal(diagnostics.length, MAX_DIAGNOSTICS + 1);
  const last = diagnostics[diagnostics.length - 1];
  assert.equal(last.code, 'size/too-many');
  assert.equal(last.severity, 3);
  assert.match(last.message, /^39,5\d\d more findings were not shown: only 500 of 40,0\d\d are reported/);
  assert.ok(JSON.stringify(diagnostics).length < 1_000_000, 'well under a megabyte of JSON');
  const kept = diagnostics
    .slice(0, -1)
    .filter((d) => d.range.start.line === 2)
    .map((d) => d.range.start.character)
    .sort((a, b) => a - b);
  // Document order: the items kept are the first ones of the list.
  assert.ok(kept.length > 0 && kept[kept.length - 1] < 25 + 3 * MAX_DIAGNOSTICS);
});

test('a small document keeps all its diagnostics, with no size/too-many', () => {
  const { diagnostics } = validate('osaid: "1.0"\n');
  assert.ok(diagnostics.length > 0 && diagnostics.length < MAX_DIAGNOSTICS);
  assert.ok(!diagnostics.some((d) => d.code === 'size/too-many'));
});

test('the outline of a 60,000-item list holds at most MAX_SYMBOLS symbols', () => {
  const text = 'osaid: "1.0"\nitems: [' + 'a,'.repeat(60_000) + ']\n';
  const parsed = service.parse(doc(text));
  const symbols = service.findDocumentSymbols(parsed);
  let count = 0;
  const walk = (list: typeof symbols): void => {
    for (const s of list) {
      count++;
      walk(s.children ?? []);
    }
  };
  walk(symbols);
  assert.equal(count, MAX_SYMBOLS);
  assert.equal(symbols[0].name, 'osaid');
});

test('a 1 MB unknown key: the message quotes at most 60 characters of it', () => {
  const key = 'k'.repeat(1024 * 1024);
  const { diagnostics } = validate(`osaid: "1.0"\n${key}: 1\n`);
  const unknown = diagnostics.find((d) => d.code === 'schema/unknown-key');
  assert.ok(unknown);
  assert.ok(unknown.message.includes(`\`${'k'.repeat(59)}…\``));
  assert.ok(unknown.message.length < 400, `${unknown.message.length} characters`);
});

test('shorten: at most 60 characters, with …, never splitting a surrogate pair', () => {
  assert.equal(shorten('abc'), 'abc');
  assert.equal(shorten('x'.repeat(60)), 'x'.repeat(60));
  assert.equal(shorten('x'.repeat(61)), 'x'.repeat(59) + '…');
  assert.equal(shorten('x'.repeat(58) + '😀' + 'y'.repeat(10)), 'x'.repeat(58) + '…');
});

test('a flood of warnings never hides an error from the verdict', () => {
  // 1,000 spelling warnings (`mit` for `MIT`, code section) before the one error (data information under llama3,
  // further down).
  const libraries = Array.from(
    { length: 1000 },
    (_, i) => `    - {name: lib${i}, location: https://example.org/lib${i}, license: mit}`,
  ).join('\n');
  const text = readFileSync(join(ROOT, 'examples', 'olmo-7b.osai.yaml'), 'utf8')
    .replace(/ {2}supporting_libraries:\n/, `  supporting_libraries:\n${libraries}\n`)
    .replace(/(data_information:\n {2}license: )CC-BY-4\.0/, '$1llama3');
  const service = getLanguageService();
  const parsed = service.parse(TextDocument.create('file:///w/osai.yaml', 'osai-manifest', 1, text));
  const diagnostics = service.doValidation(parsed);
  assert.ok(
    diagnostics.some((d) => d.code === 'license/restricted'),
    'the error is kept',
  );
  assert.ok(diagnostics.filter((d) => d.code === 'license/non-canonical').length >= 400, 'the flood is warnings');
  assert.equal(diagnostics.filter((d) => d.code === 'size/too-many').length, 1);
  assert.equal(service.getChecklist(parsed, diagnostics)!.verdict.meets, false);
});

/** Where the YAML lexer's `n`-th token (1-based) starts: the tests' own count, from the library's lexer. */
function offsetOfToken(text: string, n: number): number {
  let offset = 0;
  let count = 0;
  for (const lexeme of new Lexer().lex(text)) {
    if (++count === n) return offset;
    // Control lexemes (document and scalar starts, flow-error ends) stand for no source text.
    if (!/^[\u0000-\u001f]$/.test(lexeme) || lexeme === '\n' || lexeme === '\t') offset += lexeme.length;
  }
  return -1;
}

for (const [family, text] of [
  [
    'a 1,000,000-item list (2 MB)',
    'osaid: "1.0"\ncode:\n  supporting_libraries: [' + Array(1_000_000).fill('1').join(', ') + ']\n',
  ],
  [
    'flow nesting 255 deep on every line (4 MB)',
    'osaid: "1.0"\n' +
      Array.from({ length: 7_800 }, (_, i) => `k${i}: ${'['.repeat(255)}${']'.repeat(255)}`).join('\n'),
  ],
  [
    'an alias bomb padded with 300,000 aliases',
    'osaid: "1.0"\na: &a [x, x]\n' + Array.from({ length: 300_000 }, (_, i) => `x${i}: *a`).join('\n'),
  ],
  ['4 MB of blank lines', '\n'.repeat(4 * 1024 * 1024)],
  ['1,000,000 empty flow entries', 'x: [' + ','.repeat(1_000_000) + ']'],
] as const) {
  test(
    `${family}: the parser reads at most MAX_YAML_TOKENS tokens, then one size/too-complex ` +
      `where the budget ran out`,
    () => {
      const before = yamlWork.tokens;
      const { parsed, diagnostics } = validate(text);
      assert.equal(yamlWork.tokens - before, MAX_YAML_TOKENS);
      const at = offsetOfToken(text, MAX_YAML_TOKENS + 1);
      const position = parsed.document.positionAt(at);
      assert.deepEqual(
        diagnostics.map((d) => [d.code, d.severity, d.range.start, d.range.end]),
        [['size/too-complex', 2, position, position]],
      );
      assert.equal(
        diagnostics[0].message,
        'More than 200,000 YAML tokens (keys, values, indicators, line breaks) ' +
          'by this point, far more than any manifest needs, so the file was not ' +
          'checked. Is this the file you meant? A manifest has a few thousand; ' +
          'keep long lists (datasets, libraries) in their own files and link them.',
      );
    },
  );
}

test('a 10,000-line manifest is far under the token budget', () => {
  const text = readFileSync(join(ROOT, 'examples', 'olmo-7b.osai.yaml'), 'utf8');
  const lines = text.split('\n').length;
  const grown =
    text +
    Array.from({ length: 10_000 - lines }, (_, i) => `x-note-${i}: "a note about item ${i}, with words"`).join('\n') +
    '\n';
  const before = yamlWork.tokens;
  const { diagnostics } = validate(grown);
  assert.ok(yamlWork.tokens - before < MAX_YAML_TOKENS / 2);
  assert.ok(!diagnostics.some((d) => String(d.code).startsWith('size/')));
});
