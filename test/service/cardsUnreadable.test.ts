/**
 * A card the editor must not pass over (issue 22): front matter whose YAML value cannot be built
 * is still known as a card by its keys, and says that it was not checked and why; a byte order
 * mark before the front matter changes nothing.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/service';

const service = getLanguageService();
const card = (text: string) => {
  const parsed = service.parse(TextDocument.create('file:///c/README.md', 'markdown', 1, text));
  return { parsed, diagnostics: service.doValidation(parsed) };
};
const BOMB = [
  'a: &a [x, x, x, x, x, x, x, x, x]',
  ...'bcdefghij'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghij'[i]}`).join(', ')}]`),
].join('\n');

test('an alias bomb in a model card: claimed, the error, and a note that it was not checked, on line 1', () => {
  const { parsed, diagnostics } = card(`---\nlicense: cc-by-nc-4.0\n${BOMB}\n---\n# Tiny\n`);
  assert.equal(parsed.kind, 'modelcard');
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.severity]),
    [
      ['yaml/syntax', 1],
      ['yaml/syntax', 3],
    ],
  );
  assert.match(diagnostics[0].message, /^Too many alias expansions/);
  assert.deepEqual(diagnostics[1].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
  assert.match(
    diagnostics[1].message,
    /^Not checked as a Hugging Face card: its front matter could not be read \(Too many alias expansions/,
  );
  assert.equal(service.getChecklist(parsed, diagnostics)!.verdict.state, 'fails');
});

test('a dataset card is told by its dataset keys, also when it cannot be read', () => {
  assert.equal(card(`---\nannotations_creators: [found]\n${BOMB}\n---\n`).parsed.kind, 'datasetcard');
});

test('front matter that cannot be read and has no card key (a blog post) is not a card', () => {
  assert.equal(card(`---\ntitle: A post\n${BOMB}\n---\n`).parsed.kind, 'none');
});

test('a byte order mark before the front matter: the same card, the same findings', () => {
  const plain = card('---\nlicense: cc-by-nc-4.0\n---\n');
  const bom = card('\uFEFF---\nlicense: cc-by-nc-4.0\n---\n');
  assert.equal(bom.parsed.kind, 'modelcard');
  assert.deepEqual(
    bom.diagnostics.map((d) => [d.code, d.range.start.line]),
    plain.diagnostics.map((d) => [d.code, d.range.start.line]),
  );
  assert.deepEqual(
    bom.diagnostics.map((d) => d.code),
    ['license/not-open'],
  );
});
