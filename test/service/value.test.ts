/**
 * The one-walk data builder (yaml/value.ts) against the YAML library's own `toJS` and its
 * `uniqueKeys` check, the reference it replaces: same data, same duplicate-key errors, on every
 * YAML fixture and 1,200 fuzz mutations; hand-written cases for the corners (`__proto__`, a
 * null key, number keys, a later duplicate's value) and for what it leaves to `toJS`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocument } from 'yaml';
import { plainValue } from '../../server/src/service/yaml/value';
import { parseYaml } from '../../server/src/service/yaml/parse';
import { corpusFor } from '../fuzz/corpora';
import { buildCase } from '../fuzz/fuzzer';

const documentOf = (text: string) => TextDocument.create('file:///value/osai.yaml', 'osai-manifest', 1, text);

/** The library as the reference: its toJS, and its duplicate-key errors (uniqueKeys on, its default). */
function reference(text: string): { value: unknown; duplicates: Array<[number, number]> } {
  const value = parseDocument(text, { uniqueKeys: false }).toJS();
  const duplicates = parseDocument(text)
    .errors.filter((e) => e.code === 'DUPLICATE_KEY')
    .map((e) => [e.pos[0], e.pos[0] + 1] as [number, number]);
  return { value, duplicates };
}

test(
  "equals toJS and the parser's duplicate-key errors on every YAML " +
    'fixture and 1,200 fuzz mutations (those it builds)',
  () => {
    let built = 0;
    let total = 0;
    const texts: Array<[string, string]> = [];
    for (const id of ['osai', 'mof'] as const) {
      for (const fixture of corpusFor(id).fixtures) texts.push([fixture.name, fixture.text]);
      for (let seed = 1; seed <= 600; seed++) texts.push([`${id} seed ${seed}`, buildCase(id, seed).text]);
    }
    for (const [name, text] of texts) {
      total++;
      // Aliases are the library's to expand (with its alias-bomb guard): the builder is only asked without them.
      const doc = parseDocument(text, { uniqueKeys: false });
      let hasAlias = false;
      try {
        doc.toJS();
      } catch {
        hasAlias = true;
      }
      if (hasAlias || /[&*]/.test(text)) continue;
      const plain = plainValue(doc);
      if (!plain) continue;
      built++;
      const expected = reference(text);
      assert.deepEqual(plain.value, expected.value, name);
      // The same duplicates; the library points where the key's properties end (sometimes the line
      // break before the key), the builder at the key itself: only blanks may lie between.
      assert.equal(plain.duplicates.length, expected.duplicates.length, `${name}: duplicate keys`);
      plain.duplicates.forEach((e, i) => {
        const [libraryAt] = expected.duplicates[i];
        assert.ok(
          libraryAt <= e.pos[0] && /^[\s]*$/.test(text.slice(libraryAt, e.pos[0])),
          `${name}: duplicate ${i} at ${e.pos[0]}, the library's at ${libraryAt}`,
        );
        assert.equal(e.pos[1], e.pos[0] + 1);
      });
    }
    // Most of the corpus is built by the walk (else this test would test little).
    assert.ok(built > total * 0.8, `built ${built} of ${total}`);
  },
);

test(
  'corners, written by hand: __proto__ is an own key, a null key is "", ' +
    'number and boolean keys are strings, the last of a duplicate wins',
  () => {
    const doc = parseDocument(
      '__proto__: 1\n: empty\n1: one\ntrue: yes\na: first\na: second\nlist: [1, "2", null, ~]\n',
      { uniqueKeys: false },
    );
    const plain = plainValue(doc)!;
    const value = plain.value as Record<string, unknown>;
    // (An integer-like key comes first in a JS object, in toJS's data too.)
    assert.deepEqual(Object.keys(value), ['1', '__proto__', '', 'true', 'a', 'list']);
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
    assert.equal(Object.getOwnPropertyDescriptor(value, '__proto__')?.value, 1);
    assert.equal(value[''], 'empty');
    assert.equal(value['1'], 'one');
    assert.equal(value.true, 'yes');
    assert.equal(value.a, 'second');
    assert.deepEqual(value.list, [1, '2', null, null]);
    // The second `a` starts right after the first `a` line.
    const at = '__proto__: 1\n: empty\n1: one\ntrue: yes\na: first\n'.length;
    assert.deepEqual(
      plain.duplicates.map((e) => [e.code, e.pos]),
      [['DUPLICATE_KEY', [at, at + 1]]],
    );
  },
);

test(
  'duplicate keys in small and large mappings alike: .nan is never a ' +
    'duplicate (the library compares with ===), a repeated number is',
  () => {
    // Written from YAML's rules: `.nan` keys are NaN, which equals nothing; `1` twice is the same key; `"1"` is a
    // string,
    // not the number.
    const small = '.nan: a\n.nan: b\n1: c\n"1": d\n1: e\n';
    const large = `${Array.from({ length: 20 }, (_, i) => `k${i}: ${i}\n`).join('')}${small}k3: again\n`;
    for (const text of [small, large]) {
      const plain = plainValue(parseDocument(text, { uniqueKeys: false }))!;
      const offsets = plain.duplicates.map((e) => e.pos[0]);
      const base = text.length - small.length - (text === large ? 'k3: again\n'.length : 0);
      const expected = [base + '.nan: a\n.nan: b\n1: c\n"1": d\n'.length];
      if (text === large) expected.push(text.length - 'k3: again\n'.length);
      assert.deepEqual(offsets, expected, text === large ? 'large mapping' : 'small mapping');
    }
  },
);

test('leaves to toJS what it does not cover: a collection as a key, YAML 1.1', () => {
  assert.equal(plainValue(parseDocument('? [a, b]\n: 1\n', { uniqueKeys: false })), undefined);
  assert.equal(plainValue(parseDocument('%YAML 1.1\n---\na: 1\n', { uniqueKeys: false })), undefined);
});

test('the parse uses it without anchors and gives what toJS gives with them (the alias expanded)', () => {
  const withAlias = 'base: &b {x: 1}\ncopy: *b\ncopy: 2\n';
  const parsed = parseYaml(documentOf(withAlias), withAlias);
  assert.deepEqual(parsed.value, { base: { x: 1 }, copy: 2 });
  // The duplicate `copy` (offset 24) is reported by the walk the library-based path keeps.
  assert.deepEqual(
    parsed.parseDiagnostics.map((d) => [d.code, d.range.start]),
    [['yaml/syntax', { line: 2, character: 0 }]],
  );
  const plain = 'a: 1\nb:\n  - c: 2\n    c: 3\n';
  const parsedPlain = parseYaml(documentOf(plain), plain);
  assert.deepEqual(parsedPlain.value, { a: 1, b: [{ c: 3 }] });
  assert.deepEqual(
    parsedPlain.parseDiagnostics.map((d) => [d.code, d.range.start, d.message]),
    [['yaml/syntax', { line: 3, character: 4 }, 'Duplicate key: each key may appear only once in a mapping.']],
  );
});
