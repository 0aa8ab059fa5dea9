// Long fuzz run over every format of the registry: `npm run fuzz [-- <cases>]` (100,000 cases by
// default, split evenly across the formats). FUZZ_CASES, FUZZ_SEED (the first seed) and
// FUZZ_FORMAT (format ids, comma-separated) override; a failure prints its format and seed.
import { describeFailure, FORMAT_IDS, runFormat } from '../test/fuzz/fuzzer';

const cases = Number(process.argv[2] ?? process.env.FUZZ_CASES ?? 100_000);
const first = Number(process.env.FUZZ_SEED ?? 1);
const formats = process.env.FUZZ_FORMAT ? process.env.FUZZ_FORMAT.split(',').map((f) => f.trim()) : FORMAT_IDS;
const unknown = formats.filter((f) => !FORMAT_IDS.includes(f));
if (!Number.isInteger(cases) || cases < 1 || !Number.isInteger(first) || unknown.length > 0) {
  console.error(
    unknown.length > 0
      ? `unknown format ${unknown.join(', ')} (the formats: ${FORMAT_IDS.join(', ')})`
      : 'usage: npm run fuzz -- <cases>   (FUZZ_SEED, FUZZ_FORMAT optional)',
  );
  process.exit(2);
}
const perFormat = Math.ceil(cases / formats.length);
const MAX_FAILURES = 10;
const started = Date.now();
let failures = 0;
for (const format of formats) {
  let done = 0;
  const tally = runFormat(format, first, perFormat, MAX_FAILURES - failures, (c) => {
    if (c.error !== undefined) console.error(`FAIL ${describeFailure(c, 500)}\n`);
    if (process.stderr.isTTY && ++done % 1000 === 0) process.stderr.write(`\r${format}: ${done} / ${perFormat}`);
  });
  if (process.stderr.isTTY) process.stderr.write('\r\x1b[K');
  failures += tally.failures.length;
  const share = tally.cases ? (100 * tally.recognised) / tally.cases : 0;
  console.log(
    `${format}: ${tally.cases} cases from seed ${first} in ` +
      `${(tally.ms / 1000).toFixed(1)} s, ${share.toFixed(1)}% still recognised as ` +
      `${format}: ${tally.failures.length} failure` +
      `${tally.failures.length === 1 ? '' : 's'}`,
  );
  if (failures >= MAX_FAILURES) break;
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
console.log(
  `${perFormat * formats.length} cases (${formats.join(', ')}) in ${seconds} s: ` +
    `${failures} failure${failures === 1 ? '' : 's'}`,
);
process.exitCode = failures > 0 ? 1 : 0;
