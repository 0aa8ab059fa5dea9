/** "Did you mean" suggestions by edit distance. */

/** Optimal-string-alignment distance (Levenshtein plus adjacent transpositions). */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > limit) return limit + 1;
  let prev2: number[] = new Array<number>(m + 1).fill(0);
  let prev: number[] = Array.from({ length: m + 1 }, (_, j) => j);
  let cur: number[] = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= m; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > limit) return limit + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m];
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** How many edits still count as "reasonably close" for a string of this length. */
export function closenessLimit(length: number): number {
  return Math.max(1, Math.min(3, Math.floor(length / 4)));
}

/**
 * Up to `max` candidates closest to `text` (case-insensitive), only those within
 * `closenessLimit(text.length)` edits; ties prefer a longer common prefix, then the candidates' order.
 */
export function closest(text: string, candidates: readonly string[], max = 3): string[] {
  const needle = text.toLowerCase();
  if (needle.length === 0) return [];
  const limit = closenessLimit(needle.length);
  const scored: { id: string; d: number; p: number; i: number }[] = [];
  candidates.forEach((id, i) => {
    const lower = id.toLowerCase();
    const d = editDistance(needle, lower, limit);
    if (d <= limit) scored.push({ id, d, p: commonPrefix(needle, lower), i });
  });
  // Closest first; among equally close ones, the one sharing the longer prefix ("MPL-2.1" → "MPL-2.0" before
  // "MPL-1.1").
  scored.sort((x, y) => x.d - y.d || y.p - x.p || x.i - y.i);
  return scored.slice(0, max).map((s) => s.id);
}
