/** Bounded, seeded fuzzing (about 20 s on 2 cores); `npm run fuzz` runs the long version. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCase, seedTexts } from '../fuzz/fuzzer';

const CASES = Number(process.env.FUZZ_CASES ?? 8000);

test(`fuzz: ${CASES} seeded mutations of the fixtures through every service function`, () => {
  const seeds = seedTexts();
  for (let seed = 1; seed <= CASES; seed++) {
    const failure = runCase(seed, seeds);
    assert.equal(failure, undefined, failure && `seed ${failure.seed} (${failure.mutations.join(' + ')}): ${failure.error}\n--- text ---\n${failure.text.slice(0, 2000)}`);
  }
});
