/**
 * How the license text index stores word sets: each set a sorted list of vocabulary indices,
 * delta-encoded, each delta in 5-bit groups (a character of 64: the value, and whether more
 * groups follow). Most deltas fit one character, so a word occurrence costs about one byte.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i] as const));

export function encodeIndices(sorted: readonly number[]): string {
  let out = '';
  let previous = -1;
  for (const index of sorted) {
    let delta = index - previous - 1;
    previous = index;
    const groups: number[] = [];
    do {
      groups.push(delta & 31);
      delta >>>= 5;
    } while (delta > 0);
    for (let i = groups.length - 1; i >= 0; i--) out += ALPHABET[groups[i] | (i > 0 ? 32 : 0)];
  }
  return out;
}

export function decodeIndices(encoded: string): Uint16Array {
  const out: number[] = [];
  let previous = -1;
  let delta = 0;
  for (const c of encoded) {
    const v = VALUE.get(c)!;
    delta = (delta << 5) | (v & 31);
    if (v & 32) continue;
    previous += delta + 1;
    out.push(previous);
    delta = 0;
  }
  return Uint16Array.from(out);
}
