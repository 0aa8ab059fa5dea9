/**
 * Parsing by top-level sections (yaml/sections.ts) gives what one parse of the whole text
 * gives — node for node, range for range, value for value, error for error — on every YAML
 * fixture and on seeded fuzz mutations of them; and a version parsed with the previous one's
 * sections (reusing and moving the unchanged ones) gives what a fresh parse gives, down to the
 * diagnostics, across seeded random edits.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isAlias, isMap, isScalar, isSeq, Lexer, Node, Parser } from 'yaml';
import { MAX_YAML_TOKENS, parseYaml, YamlParse, yamlWork } from '../../server/src/service/yaml/parse';
import { corpusFor } from '../fuzz/corpora';
import { buildCase, random } from '../fuzz/fuzzer';
import { service } from '../helpers';

/** The YAML formats (the cards parse their front matter with their own parser). */
const FORMATS = ['osai', 'mof'] as const;

/** A node as data: its kind, range, value and children (comments left out: sections do not keep them). */
function dump(node: unknown): unknown {
  if (node === null || node === undefined) return null;
  const n = node as Node;
  if (isScalar(n)) return ['scalar', n.range, n.type, n.tag ?? null, n.value];
  if (isAlias(n)) return ['alias', n.range, n.source];
  if (isMap(n))
    return ['map', n.range, n.flow ?? false, n.tag ?? null, n.items.map((p) => [dump(p.key), dump(p.value)])];
  if (isSeq(n)) return ['seq', n.range, n.flow ?? false, n.tag ?? null, n.items.map(dump)];
  return ['other', String(node)];
}

function describe(parse: YamlParse): unknown {
  return {
    contents: dump(parse.yaml?.contents),
    errors: parse.yaml?.errors.map((e) => [e.code, e.pos, e.message]) ?? null,
    warnings: parse.yaml?.warnings.map((e) => [e.code, e.pos, e.message]) ?? null,
    value: parse.value,
    diagnostics: parse.parseDiagnostics.map((d) => [d.code, d.range, d.message]),
  };
}

const documentOf = (text: string, version = 1) =>
  TextDocument.create('file:///sections/osai.yaml', 'osai-manifest', version, text);

test(
  'by sections (parsed one by one, cut from a whole parse, or all reused) ' +
    'or whole: the same parse, on every YAML fixture and 1,200 fuzz mutations',
  () => {
    let sectioned = 0;
    let total = 0;
    const texts: Array<[string, string]> = [];
    for (const id of FORMATS) {
      for (const fixture of corpusFor(id).fixtures) texts.push([fixture.name, fixture.text]);
      for (let seed = 1; seed <= 600; seed++) {
        const c = buildCase(id, seed);
        texts.push([`${id} seed ${seed}`, c.text]);
      }
    }
    /** A previous version that shares no section: every section of the text is parsed on its own. */
    const unrelated: YamlParse = { yaml: undefined, value: undefined, parseDiagnostics: [], sections: [] };
    for (const [name, text] of texts) {
      const document = documentOf(text);
      const whole = parseYaml(document, text, { whole: true });
      const bySections = parseYaml(document, text, { previous: unrelated });
      assert.deepEqual(describe(bySections), describe(whole), name);
      // A first parse is whole and cut into sections after; a second of the same text reuses every one of them.
      const first = parseYaml(document, text);
      assert.deepEqual(describe(first), describe(whole), `${name} (first parse)`);
      assert.equal(
        first.sections === undefined,
        bySections.sections === undefined,
        `${name}: the same texts are cut into sections`,
      );
      const before = yamlWork.tokens;
      const reused = parseYaml(document, text, { previous: first });
      if (first.sections) assert.equal(yamlWork.tokens, before, `${name}: nothing reparsed`);
      assert.deepEqual(describe(reused), describe(whole), `${name} (all sections reused)`);
      total++;
      if (bySections.sections) sectioned++;
    }
    // Most fixtures are plain block mappings; many mutations are not (errors, aliases): both kinds are covered.
    assert.ok(sectioned > total / 3 && sectioned < total, `${sectioned} of ${total} texts parsed by sections`);
  },
);

test(
  "a new version parsed with the previous one's sections: the same parse " +
    'and diagnostics as a fresh one, across seeded random edits',
  () => {
    let reusedTokens = 0;
    let steps = 0;
    for (const id of FORMATS) {
      const corpus = corpusFor(id);
      corpus.fixtures.forEach((fixture, n) => {
        const r = random(1000 + n);
        let text = fixture.text;
        let previous = service.parse(TextDocument.create(corpus.uri, corpus.languageId, 1, text));
        for (let version = 2; version <= 7; version++) {
          text = edit(text, r);
          const document = TextDocument.create(corpus.uri, corpus.languageId, version, text);
          const before = yamlWork.tokens;
          const incremental = service.parse(document, { previous });
          const read = yamlWork.tokens - before;
          const fresh = service.parse(document);
          const what = `${fixture.name}, version ${version}`;
          assert.deepEqual(describe(incremental), describe(fresh), what);
          assert.deepEqual(service.doValidation(incremental), service.doValidation(fresh), what);
          if (incremental.sections && fresh.sections)
            reusedTokens += fresh.sections.reduce((sum, s) => sum + s.tokens, 0) - read;
          previous = incremental;
          steps++;
        }
      });
    }
    assert.ok(reusedTokens > 0, 'sections were reused');
    assert.ok(steps > 300, `${steps} edits`);
  },
);

test(
  'reuse reads only the edited section: a keystroke in a 5,000-line ' +
    'manifest parses a few tokens, not the document',
  () => {
    const entries = Array.from({ length: 2500 }, (_, i) => `    - name: lib-${i}\n      license: MIT`).join('\n');
    const text = `osaid: "1.0"\nsystem:\n  name: Big   # a comment\ncode:\n  supporting_libraries:\n${entries}\n`;
    const first = service.parse(documentOf(text));
    assert.equal(first.sections?.length, 3);
    const before = yamlWork.tokens;
    const next = service.parse(documentOf(text.replace('# a comment', '# a comment, typed'), 2), { previous: first });
    const read = yamlWork.tokens - before;
    // `system:` is 16 tokens or so; the document is over 25,000.
    assert.ok(read < 40, `${read} tokens read`);
    assert.equal(next.sections?.[2].start, text.indexOf('code:') + ', typed'.length);
    const libraries = (next.value as { code: { supporting_libraries: unknown[] } }).code.supporting_libraries;
    assert.equal(libraries.length, 2500);
  },
);

test(
  "a whole parse counts each section's tokens as the parser reads them: " +
    'the tokens read while the parser stands in that section',
  () => {
    // The reference feeds the parser by hand and files each token under the section holding the parser's offset before
    // it.
    let checked = 0;
    for (const id of FORMATS) {
      for (const fixture of corpusFor(id).fixtures) {
        const parsed = parseYaml(TextDocument.create('file:///t.yaml', 'yaml', 1, fixture.text), fixture.text);
        if (!parsed.sections) continue;
        const starts = parsed.sections.map((s) => s.start);
        const expected = starts.map(() => 0);
        const parser = new Parser();
        let section = 0;
        for (const lexeme of new Lexer().lex(fixture.text)) {
          while (section + 1 < starts.length && parser.offset >= starts[section + 1]) section++;
          expected[section]++;
          for (const _ of parser.next(lexeme)) {
            /* the tokens are not needed, only the offset */
          }
        }
        assert.deepEqual(
          parsed.sections.map((s) => s.tokens),
          expected,
          fixture.name,
        );
        checked++;
      }
    }
    assert.ok(checked >= 10, `${checked} fixtures parsed by sections`);
  },
);

/** A random edit: insert a character, delete a few, duplicate a line or cut one. */
function edit(text: string, r: () => number): string {
  const at = Math.floor(r() * (text.length + 1));
  const lines = text.split('\n');
  const line = Math.floor(r() * lines.length);
  switch (Math.floor(r() * 5)) {
    case 0:
      return text.slice(0, at) + 'abc :-#"[\n '[Math.floor(r() * 11)] + text.slice(at);
    case 1:
      return text.slice(0, at) + text.slice(at + 1 + Math.floor(r() * 4));
    case 2:
      lines.splice(line, 0, lines[line]);
      return lines.join('\n');
    case 3:
      lines.splice(line, 1);
      return lines.join('\n');
    default:
      return text.slice(0, at) + 'x' + text.slice(at);
  }
}

test('5,001 top-level keys make at most 64 sections (each section costs a parser)', () => {
  const text = 'osaid: "1.0"\n' + Array.from({ length: 5000 }, (_, i) => `x-k${i}: ${i}`).join('\n') + '\n';
  const parse = parseYaml(documentOf(text), text);
  assert.equal(parse.sections?.length, 64); // every 79th key (⌈5,001 / 64⌉) starts one: ⌈5,001 / 79⌉ sections
  assert.deepEqual(describe(parse), describe(parseYaml(documentOf(text), text, { whole: true })));
});

test('an anchor or an alias: parsed whole at once, its tokens read once (not by sections first)', () => {
  const text =
    'osaid: "1.0"\nsystem: &s\n  name: x\n' + Array.from({ length: 200 }, (_, i) => `x-k${i}: *s`).join('\n') + '\n';
  const before = yamlWork.tokens;
  const parse = parseYaml(documentOf(text), text);
  const read = yamlWork.tokens - before;
  const again = yamlWork.tokens;
  parseYaml(documentOf(text), text, { whole: true });
  assert.equal(parse.sections, undefined);
  assert.equal(read, yamlWork.tokens - again);
});

/** The tokens a whole parse of `text` reads, counted by hand: every lexeme the lexer gives. */
function tokenCount(text: string): number {
  let n = 0;
  for (const _ of new Lexer().lex(text)) n++;
  return n;
}

/**
 * A manifest of exactly `tokens` tokens in three sections (`osaid`, `system`, a list and many comments), after `top`.
 */
function manifestOf(tokens: number, top = ''): string {
  const base = `${top}osaid: "1.0"\nsystem:\n  name: a\nx-list:\n  - v\n  - w\n`;
  // A comment line is two tokens (the comment, the line break), a blank line one: they make up the rest.
  const rest = tokens - tokenCount(base);
  const exact = base + '# c\n'.repeat(Math.floor(rest / 2)) + '\n'.repeat(rest % 2);
  assert.equal(tokenCount(exact), tokens);
  return exact;
}

// Issue 22 (11): the document start is read once, in the first section; a section reused at the
// top or moved off it was counted with the start it had before, one token off at the budget.
test(
  "at the token budget's edge (budget - 1, budget, budget + 1 tokens), a " +
    "version parsed with the previous one's sections is too complex exactly " +
    'when a fresh parse is',
  () => {
    const top = 'x-top: 1\n';
    const tooComplex = (parse: YamlParse) => parse.parseDiagnostics.some((d) => d.code === 'size/too-complex');
    for (const tokens of [MAX_YAML_TOKENS - 1, MAX_YAML_TOKENS, MAX_YAML_TOKENS + 1]) {
      const oneShort = manifestOf(tokens - 1);
      const withoutTop = manifestOf(tokens - (tokenCount(`${top}a: 1\n`) - tokenCount('a: 1\n')));
      const tenShort = manifestOf(tokens - 10);
      /** Versions, each parsed with the previous one's parse; the last must be parsed as a fresh parse parses it. */
      const edits: Array<[string, string[]]> = [
        // The middle section grows by a line: the first and the last are reused.
        ['a line added to `system`', [oneShort, oneShort.replace('name: a\n', 'name: a\n\n')]],
        // An entry inserted at the top: the old first section is reused second.
        ['an entry inserted at the top', [withoutTop, top + withoutTop]],
        // The top entry removed (the old second section is reused first), then the list grows: the first section is
        // reused in place.
        ['the top entry removed, then lines added to the list', [top + tenShort, tenShort, tenShort + '\n'.repeat(10)]],
      ];
      for (const [what, versions] of edits) {
        const name = `${what}, ${tokens.toLocaleString('en-US')} tokens`;
        const last = versions[versions.length - 1];
        assert.equal(tokenCount(last), tokens, name);
        let previous = parseYaml(documentOf(versions[0]), versions[0]);
        for (const [n, text] of versions.entries()) {
          if (n === 0) continue;
          const before = yamlWork.tokens;
          assert.ok(previous.sections, `${name}: version ${n} has sections to reuse`);
          const incremental = parseYaml(documentOf(text, n + 1), text, { previous });
          if (!tooComplex(incremental))
            assert.ok(yamlWork.tokens - before < tokenCount(text), `${name}: version ${n + 1} reuses sections`);
          previous = incremental;
        }
        const fresh = parseYaml(documentOf(last, versions.length), last);
        assert.equal(tooComplex(fresh), tokens > MAX_YAML_TOKENS, name);
        assert.equal(tooComplex(previous), tooComplex(fresh), name);
        // Over the budget, both stop at the same token.
        assert.deepEqual(describe(previous), describe(fresh), name);
      }
    }
  },
);
