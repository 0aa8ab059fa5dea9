/**
 * Hostile input: each case must end with a clear diagnostic and no exception, and every
 * range must lie inside the document. How fast it ends belongs to `npm run bench -- --hostile`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Diagnostic } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/service';
import { applyWorkspaceEdit, brief, doc } from '../helpers';

const service = getLanguageService();

function check(text: string): Diagnostic[] {
  const document = doc(text);
  const parsed = service.parse(document);
  const diagnostics = service.doValidation(parsed);
  // Every other feature must survive the same input.
  const end = document.positionAt(text.length);
  service.doHover(parsed, end);
  service.doComplete(parsed, end);
  service.findDocumentSymbols(parsed);
  service.getCodeActions(parsed, diagnostics, diagnostics);
  for (const d of diagnostics) {
    assert.ok(document.offsetAt(d.range.start) <= document.offsetAt(d.range.end));
    assert.ok(d.range.end.line <= end.line, `${brief(d)} lies inside the document`);
  }
  return diagnostics;
}

test('alias bomb ("billion laughs"): one yaml/syntax error at the first alias', () => {
  const levels = ['a: &a [x,x,x,x,x,x,x,x,x,x]'];
  for (let i = 1; i < 9; i++)
    levels.push(
      `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
        .fill(`*${String.fromCharCode(96 + i)}`)
        .join(',')}]`,
    );
  const d = check(levels.join('\n') + '\n');
  assert.deepEqual(d.map(brief), ['yaml/syntax@2:8-2:9']);
  assert.match(d[0].message, /alias bomb/);
});

test('100,000 levels of flow nesting: refused while parsing, at the first level too deep', () => {
  const d = check('['.repeat(100_000) + ']'.repeat(100_000));
  // The 257th `[` opens the 257th collection.
  assert.deepEqual(d.map(brief), ['yaml/syntax@1:257-1:258']);
  assert.match(d[0].message, /Nesting deeper than 256 levels/);
});

test('100,000 levels of block nesting (`- - - …`): refused while parsing', () => {
  const d = check('- '.repeat(100_000) + 'x\n');
  assert.deepEqual(
    d.map((x) => x.code),
    ['yaml/syntax'],
  );
  assert.match(d[0].message, /Nesting deeper than 256 levels/);
});

test('a 50 MB line: one size/too-large warning, nothing else', () => {
  const d = check('osaid: "' + 'x'.repeat(50 * 1024 * 1024) + '"\n');
  assert.deepEqual(d.map(brief), ['size/too-large@1:1-1:1']);
  assert.match(
    d[0].message,
    /52,428,810 bytes, more than the limit of 4,194,304 \(setting osaiManifest\.maxFileSize\)/,
  );
});

test('NUL bytes: a yaml/syntax error where they are', () => {
  const text = 'osaid: "1.0"\nsystem:\n  name: a\u0000b\n  producer: p\n';
  const d = check(text);
  const syntax = d.filter((x) => x.code === 'yaml/syntax');
  assert.deepEqual(syntax.map(brief), ['yaml/syntax@3:10-3:11']);
  assert.match(syntax[0].message, /Control character U\+0000 is not allowed/);
});

test('binary junk: diagnostics, no exception', () => {
  let seed = 7;
  const bytes = Array.from({ length: 20_000 }, () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % 256;
  });
  const d = check(Buffer.from(bytes).toString('latin1'));
  assert.ok(d.length > 0);
});

test('a multi-document stream: one clear error at the second document', () => {
  const d = check('osaid: "1.0"\n---\nsystem: {}\n');
  const syntax = d.filter((x) => x.code === 'yaml/syntax');
  assert.deepEqual(syntax.map(brief), ['yaml/syntax@2:1-3:11']);
  assert.match(syntax[0].message, /one YAML document/);
});

test('a byte-order mark is accepted and ranges stay right', () => {
  const text = '\uFEFFosaid: "2.0"\n';
  const d = check(text);
  // The value inside its quotes (one span rule for every format), so the fix keeps it a string.
  assert.deepEqual(d.filter((x) => x.code === 'schema/enum').map(brief), ['schema/enum@1:10-1:13']);
  const fix = getLanguageService()
    .getCodeActions(getLanguageService().parse(doc(text)), d, d)
    .find((a) => a.title === 'Change to `1.0`');
  assert.ok(fix, 'the enum fix is offered');
  const fixed = applyWorkspaceEdit(text, fix.edit, 'file:///test/osai.yaml');
  assert.equal(fixed, '\uFEFFosaid: "1.0"\n');
  assert.deepEqual(
    check(fixed).filter((x) => String(x.code).startsWith('schema/')),
    [],
  );
});

test('CRLF line endings: same findings, same columns, as LF', () => {
  const lf = 'osaid: "1.0"\nsystem:\n  name: n\n  producer: ""\n';
  assert.deepEqual(check(lf.replace(/\n/g, '\r\n')).map(brief), check(lf).map(brief));
});

test('tabs used as indentation: a yaml/syntax error on the tab', () => {
  const d = check('system:\n\tname: x\n');
  assert.ok(
    d.some((x) => x.code === 'yaml/syntax' && x.range.start.line === 1),
    d.map(brief).join(', '),
  );
});

test('a huge scalar under the limit is checked normally', () => {
  const d = check(`osaid: "1.0"\nsystem:\n  name: ${'n'.repeat(1_000_000)}\n  producer: p\n`);
  assert.ok(!d.some((x) => x.code === 'yaml/syntax'));
});

const DEEP = '['.repeat(100_000) + ']'.repeat(100_000);

test('an apostrophe in a plain scalar does not hide flow nesting from the guard', () => {
  const d = check(`x: [it's, ${DEEP}]\n`);
  assert.deepEqual(
    d.map((x) => x.code),
    ['yaml/syntax'],
  );
  assert.match(d[0].message, /Nesting deeper than 256 levels/);
});

test(
  'a double-quoted scalar continued from the previous line: what follows ' + 'its end is read as the parser reads it',
  () => {
    // The scalar ends at `\\"` on line 2; the brackets after it are an error to the parser, not
    // nesting, so no level is opened: they are 200,000 tokens of nothing, refused by the budget.
    const d = check(`x: "a \\" b\n  c \\\\" ${DEEP}\n`);
    assert.deepEqual(
      d.map((x) => x.code),
      ['size/too-complex'],
    );
    // Nested properly after the same scalar, they are refused at the 257th level.
    const nested = check(`x: ["a \\" b\n  c \\\\", ${DEEP}]\n`);
    assert.deepEqual(
      nested.map((x) => x.code),
      ['yaml/syntax'],
    );
    assert.match(nested[0].message, /Nesting deeper than 256 levels/);
  },
);

test('brackets inside quoted scalars are text, not nesting', () => {
  const d = check(`osaid: "1.0"\nx: "[[[["\ny: 'it''s {{{{'\nz: "multi [[[\n  line [[["\n`);
  assert.ok(!d.some((x) => /Nesting deeper/.test(x.message)));
});

test('a key hidden by an unterminated quote: no fix inserts it a second time', () => {
  const text = 'osaid: "1.0"\nsystem:\n  name: "unterminated\nparameters:\n  license: MIT\n';
  const parsed = service.parse(doc(text));
  const diagnostics = service.doValidation(parsed);
  assert.ok(diagnostics.some((x) => x.code === 'yaml/syntax'));
  const actions = service.getCodeActions(parsed, diagnostics, diagnostics);
  const inserting = actions.filter((a) => /^(Add|State)/.test(a.title));
  assert.deepEqual(
    inserting.map((a) => a.title),
    [],
  );
});

// Found by the fuzzer (format osai, seed 734): with a key written twice, the data holds the
// last value, but findings were placed on the first pair — here the empty `parameters:` — and
// "Rename to `checkpoints`" wrote `parameters:checkpoints`.
test('a key written twice: findings about its value land on the last one, whose value the data holds', () => {
  const text =
    'osaid: "1.0"\nparameters:\nparameters:\n  weights: {location: x, ' +
    'license: Apache-2.0}\n  checkpionts: {location: y, license: Apache-2.0}\n';
  const parsed = service.parse(doc(text));
  const diagnostics = service.doValidation(parsed);
  assert.deepEqual(diagnostics.filter((d) => d.code === 'schema/unknown-key').map(brief), [
    'schema/unknown-key@5:3-5:14',
  ]);
  const rename = service
    .getCodeActions(parsed, diagnostics, diagnostics)
    .find((a) => a.title === 'Rename to `checkpoints`');
  assert.ok(rename);
  assert.equal(applyWorkspaceEdit(text, rename.edit!), text.replace('checkpionts', 'checkpoints'));
});

test(
  'broken YAML: fixes change one line at a time (none inserts, removes or ' +
    'rewrites a node that may run to the end of the file)',
  () => {
    // The unterminated quote makes `osaid` one scalar running to the end of the file: "Change to `1.0`"
    // over its range would delete `parameters` and everything under it.
    const text = 'system:\n  name: x\nosaid: "2.0\nparameters:\n  weights: {location: x, license: MIT}\n';
    const parsed = service.parse(doc(text));
    const diagnostics = service.doValidation(parsed);
    assert.deepEqual(diagnostics.filter((d) => d.code === 'schema/enum').map(brief), ['schema/enum@3:8-5:39']);
    assert.deepEqual(
      service.getCodeActions(parsed, diagnostics, diagnostics).map((a) => a.title),
      [],
    );
    // Closed, the same quote gets its fix, inside the quotes.
    const closed = service.parse(doc(text.replace('"2.0', '"2.0"')));
    const closedDiagnostics = service.doValidation(closed);
    const fix = service
      .getCodeActions(closed, closedDiagnostics, closedDiagnostics)
      .find((a) => a.title === 'Change to `1.0`');
    assert.equal(applyWorkspaceEdit(closed.text, fix?.edit), text.replace('"2.0', '"1.0"'));
  },
);

test('the size limit counts UTF-8 bytes, as on disk and in the command line: 1,500,000 `€` are 4,500,000 bytes', () => {
  const text = `osaid: "1.0"\n# ${'€'.repeat(1_500_000)}\n`;
  const d = check(text);
  assert.deepEqual(d.map(brief), ['size/too-large@1:1-1:1']);
  assert.match(d[0].message, /^This file has 4,500,016 bytes, more than the limit of 4,194,304 /);
  // One byte under the limit in bytes (and far under it in characters): checked.
  const under = `osaid: "1.0"\n# ${'x'.repeat(4_194_304 - 16)}\n`;
  assert.ok(!check(under).some((x) => x.code === 'size/too-large'));
  assert.ok(check(`${under}€`).some((x) => x.code === 'size/too-large'));
});

// Found by the bounded-texts review: toJS throws the same ReferenceError for an alias to no
// anchor as for an alias bomb, and the message said "alias bomb".
test('an alias to no anchor: said so, on the alias (not "alias bomb")', () => {
  const d = check('osaid: "1.0"\na: &a 1\nb: *a\nc: *b\n').filter((x) => x.code === 'yaml/syntax');
  assert.deepEqual(d.map(brief), ['yaml/syntax@4:4-4:6']);
  assert.equal(
    d[0].message,
    'The alias `*b` names no anchor: mark the value it should repeat with ' +
      '`&b` earlier in the file, or write the value out. The file was not checked further.',
  );
});

test("the parser's own messages, which quote the text, are shortened", () => {
  const d = check(`osaid: "1.0"\nx: !tag${'v'.repeat(10_000)} 1\n`).filter((x) => x.code === 'yaml/syntax');
  assert.equal(d.length, 1);
  assert.equal(d[0].message, `Unresolved tag: !tag${'v'.repeat(200 - 'Unresolved tag: !tag'.length - 1)}…`);
});

// Issue 22 (9): `data.path` carried the whole key — a 4 MB key of NULs made 24 MB of JSON per publication.
test(
  'an unknown key of 4 MB: its diagnostic stays small (the key in ' +
    '`data.path` is shortened as in the message), and a misspelt key is still renamed',
  () => {
    // MAX_QUOTED_LENGTH (server/src/service/text/text.ts): at most 59 characters of the key, then `…`
    const MAX_QUOTED = 60;
    const nuls = '\u0000'.repeat(4_000_000);
    const long = `producer${'x'.repeat(10_000)}`;
    const text = `osaid: "1.0"\nsystem:\n  name: n\n  prodcuer: p\n  "${nuls}": a\n  ${long}: b\n`;
    const unknown = check(text).filter((d) => d.code === 'schema/unknown-key');
    const paths = unknown.map((d) => (d.data as { path: string }).path);
    assert.deepEqual(paths, [
      'system.prodcuer',
      `system.${'\u0000'.repeat(MAX_QUOTED - 1)}…`,
      `system.${long.slice(0, MAX_QUOTED - 1)}…`,
    ]);
    for (const d of unknown) {
      const path = (d.data as { path: string }).path;
      assert.ok(path.length <= 'system.'.length + MAX_QUOTED, `${path.length} characters`);
      // In JSON a character of the key takes at most 6 (`\u0000`), and the key is quoted twice: in the message and in
      // the
      // path.
      const withoutKey = JSON.stringify({
        ...d,
        message: d.message.replace(path.slice('system.'.length), ''),
        data: { ...(d.data as object), path: 'system.' },
      }).length;
      assert.ok(
        JSON.stringify(d).length <= withoutKey + 2 * 6 * MAX_QUOTED,
        `${JSON.stringify(d).length} characters of JSON`,
      );
    }
    assert.ok(JSON.stringify(unknown[1]).length < 2_000, `${JSON.stringify(unknown[1]).length} characters of JSON`);
    // The rename of an ordinary misspelt key still works.
    const small = 'osaid: "1.0"\nsystem:\n  name: n\n  prodcuer: p\n';
    const parsed = service.parse(doc(small));
    const diagnostics = service.doValidation(parsed);
    const rename = service
      .getCodeActions(parsed, diagnostics, diagnostics)
      .find((a) => a.title === 'Rename to `producer`');
    assert.ok(rename, 'the rename is offered');
    assert.equal(applyWorkspaceEdit(small, rename.edit), small.replace('prodcuer', 'producer'));
  },
);
