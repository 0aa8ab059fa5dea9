/**
 * The parse's fast path for plain strings (yaml/bounded.ts PLAIN_STRING) changes no node: the
 * documents equal the YAML library's own parse, node for node (kind, range, value, style,
 * format, tag), error for error, on every YAML fixture and 1,200 fuzz mutations; and each
 * core-schema form keeps the value YAML 1.2 gives it (written by hand from the spec's core
 * schema, 10.3.2), while YAML 1.1 documents keep their own booleans.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isAlias, isMap, isScalar, isSeq, Node, parseDocument } from 'yaml';
import { parseYaml } from '../../server/src/service/yaml/parse';
import { corpusFor } from '../fuzz/corpora';
import { buildCase } from '../fuzz/fuzzer';

const documentOf = (text: string) => TextDocument.create('file:///plain/osai.yaml', 'osai-manifest', 1, text);

function dump(node: unknown): unknown {
  if (node === null || node === undefined) return null;
  const n = node as Node;
  if (isScalar(n)) return ['scalar', n.range, n.type ?? null, n.tag ?? null, n.format ?? null, typeof n.value, n.value];
  if (isAlias(n)) return ['alias', n.range, n.source];
  if (isMap(n))
    return ['map', n.range, n.flow ?? false, n.tag ?? null, n.items.map((p) => [dump(p.key), dump(p.value)])];
  if (isSeq(n)) return ['seq', n.range, n.flow ?? false, n.tag ?? null, n.items.map(dump)];
  return ['other', String(node)];
}

test("documents equal the library's parse on every YAML fixture and 1,200 fuzz mutations", () => {
  let compared = 0;
  for (const id of ['osai', 'mof'] as const) {
    const texts = [
      ...corpusFor(id).fixtures.map((f) => [f.name, f.text]),
      ...Array.from({ length: 600 }, (_, i) => [`${id} seed ${i + 1}`, buildCase(id, i + 1).text]),
    ];
    for (const [name, text] of texts) {
      const ours = parseYaml(documentOf(text), text, { whole: true }).yaml;
      if (!ours) continue; // refused (size, depth, tokens): nothing parsed to compare
      const library = parseDocument(text, { uniqueKeys: false });
      assert.deepEqual(dump(ours.contents), dump(library.contents), name);
      assert.deepEqual(
        ours.errors.filter((e) => e.code !== 'DUPLICATE_KEY').map((e) => [e.code, e.pos]),
        library.errors.map((e) => [e.code, e.pos]),
        `${name}: errors`,
      );
      compared++;
    }
  }
  assert.ok(compared > 1000, `${compared} documents compared`);
});

test('each YAML 1.2 core-schema form keeps its value; what only looks like one stays a string', () => {
  const expected: Array<[string, unknown]> = [
    ['~', null],
    ['null', null],
    ['Null', null],
    ['NULL', null],
    ['', null],
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['FALSE', false],
    ['0o17', 15],
    ['0x1F', 31],
    ['-12', -12],
    ['+3', 3],
    ['42', 42],
    ['.5', 0.5],
    ['-1.5', -1.5],
    ['1e3', 1000],
    ['+2.5E-1', 0.25],
    ['.inf', Infinity],
    ['-.Inf', -Infinity],
    ['+.INF', Infinity],
    ['.nan', NaN],
    // Strings: the other first characters, and words that start like a null, a boolean or a number but are none.
    ['yes', 'yes'],
    ['on', 'on'],
    ['off', 'off'],
    ['y', 'y'],
    ['MIT', 'MIT'],
    ['Apache-2.0', 'Apache-2.0'],
    ['https://example.org/a?b=1', 'https://example.org/a?b=1'],
    ['library-1', 'library-1'],
    ['nothing', 'nothing'],
    ['nULL', 'nULL'],
    ['Truth', 'Truth'],
    ['falsely', 'falsely'],
    ['0xZZ', '0xZZ'],
    ['1.2.3', '1.2.3'],
    ['-x', '-x'],
    ['+', '+'],
    ['.', '.'],
    ['~x', '~x'],
    ['.NaN', NaN],
    ['.nAn', '.nAn'],
    ['=', '='],
    ['@home', '@home'],
    ['"quoted"', 'quoted'],
    ["'1'", '1'],
  ];
  for (const [written, value] of expected) {
    const text = `v: ${written}\n`;
    const parsed = parseYaml(documentOf(text), text);
    assert.deepEqual(parsed.value, { v: value }, `v: ${written}`);
  }
});

test("a YAML 1.1 document keeps YAML 1.1's booleans (the fast path is only for the core schema)", () => {
  const text = '%YAML 1.1\n---\na: yes\nb: on\nc: n\nd: plain\n';
  const parsed = parseYaml(documentOf(text), text);
  assert.deepEqual(parsed.yaml?.toJS(), { a: true, b: true, c: false, d: 'plain' });
});
