// Finds slow or failing fuzz cases: `tsx test/fuzz/slow.ts <first seed> <end seed> [format…]` (every format by
// default).
import { FORMAT_IDS, runFormat } from './fuzzer';

const [from, to] = [Number(process.argv[2]), Number(process.argv[3])];
const formats = process.argv.length > 4 ? process.argv.slice(4) : FORMAT_IDS;
for (const format of formats) {
  runFormat(format, from, to - from, Infinity, (c, ms) => {
    if (ms > 200 || c.error !== undefined)
      console.log(format, c.seed, Math.round(ms), c.mutations.join('+'), c.error?.split('\n')[0] ?? '');
  });
}
