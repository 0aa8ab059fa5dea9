/**
 * Bounded, seeded fuzzing of every format the registry knows (about 30 s on 2 cores, the
 * case budget split evenly across the formats); `npm run fuzz` runs the long version.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_FORMATS } from '../../server/src/service/formats/registry';
import { CORPORA } from '../fuzz/corpora';
import { describeFailure, FORMAT_IDS, runFormat } from '../fuzz/fuzzer';
import { service } from '../helpers';

const CASES = Number(process.env.FUZZ_CASES ?? 7000);
const PER_FORMAT = Math.ceil(CASES / FORMAT_IDS.length);
/**
 * More than this share of each format's mutated documents must still be recognised as that format, or its own paths go
 * unfuzzed.
 */
const MIN_RECOGNISED = 0.5;

test('every format of the registry has a corpus (test/fuzz/corpora.ts) whose texts it recognises', () => {
  for (const format of DEFAULT_FORMATS) {
    const corpus = CORPORA[format.id];
    assert.ok(corpus, `the format "${format.id}" has no fuzz/fix-safety corpus: add one to test/fuzz/corpora.ts`);
    assert.ok(
      corpus.seeds.length > 0 && corpus.fixtures.length > 0,
      `the corpus of "${format.id}" has seeds and fixtures`,
    );
    for (const seed of [...corpus.seeds, ...corpus.fixtures]) {
      const kind = service.parse(TextDocument.create(corpus.uri, corpus.languageId, 1, seed.text)).kind;
      assert.equal(kind, format.id, `${seed.name} in the corpus of "${format.id}" is recognised as "${kind}"`);
    }
  }
  const stale = Object.keys(CORPORA).filter((id) => !FORMAT_IDS.includes(id));
  assert.deepEqual(stale, [], 'corpora of formats the registry does not have');
});

for (const id of FORMAT_IDS) {
  test(`fuzz (${id}): ${PER_FORMAT} seeded mutations through every service function`, (t) => {
    const tally = runFormat(id, 1, PER_FORMAT, 1);
    assert.equal(tally.failures.length, 0, tally.failures[0] && describeFailure(tally.failures[0]));
    const share = tally.recognised / tally.cases;
    t.diagnostic(
      `${id}: ${tally.cases} cases in ${(tally.ms / 1000).toFixed(1)} s; ${(100 * share).toFixed(1)}% ` +
        `of the mutated documents still recognised as ${id}`,
    );
    assert.ok(
      share > MIN_RECOGNISED,
      `only ${(100 * share).toFixed(1)}% of the mutated ${id} documents are still ` +
        `recognised as ${id}: make its mutations (test/fuzz/corpora.ts) gentler`,
    );
  });
}
