import { runCase, seedTexts } from './fuzzer';
const seeds = seedTexts();
for (let s = Number(process.argv[2]); s < Number(process.argv[3]); s++) {
  const t = Date.now();
  const f = runCase(s, seeds);
  const ms = Date.now() - t;
  if (ms > 200 || f) console.log(s, ms, f ? f.mutations + ' ' + f.error.split('\n')[0] : '');
}
