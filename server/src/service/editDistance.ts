/** Levenshtein distance, bounded: returns `max + 1` as soon as the distance must exceed `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      current.push(value);
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length];
}

/** The candidates within `max` edits of `word` (case-insensitive), closest first. */
export function closest(word: string, candidates: Iterable<string>, max: number, limit = 3): string[] {
  const lower = word.toLowerCase();
  const scored: Array<[string, number]> = [];
  for (const candidate of candidates) {
    const d = editDistance(lower, candidate.toLowerCase(), max);
    if (d <= max) scored.push([candidate, d]);
  }
  scored.sort((x, y) => x[1] - y[1] || x[0].localeCompare(y[0]));
  return scored.slice(0, limit).map(([c]) => c);
}
