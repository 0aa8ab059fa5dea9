// Long fuzz run: `npm run fuzz` (100,000 cases by default; FUZZ_CASES and FUZZ_SEED override).
import { runCase, seedTexts } from '../test/fuzz/fuzzer';

const cases = Number(process.env.FUZZ_CASES ?? 100_000);
const first = Number(process.env.FUZZ_SEED ?? 1);
const seeds = seedTexts();
const started = Date.now();
let failures = 0;
for (let seed = first; seed < first + cases; seed++) {
  const failure = runCase(seed, seeds);
  if (failure) {
    failures++;
    console.error(`FAIL seed ${seed} (${failure.mutations.join(' + ')}): ${failure.error}`);
    if (failures >= 10) break;
  }
  if (process.stderr.isTTY && seed % 1000 === 0) process.stderr.write(`\r${seed - first + 1} / ${cases}`);
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(`${cases} cases from seed ${first} in ${seconds} s: ${failures} failure${failures === 1 ? '' : 's'}`);
process.exitCode = failures > 0 ? 1 : 0;
