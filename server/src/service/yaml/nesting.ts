/**
 * A cheap pre-parse bound on nesting depth. The YAML parser recurses per level, and very
 * deep input (`[[[[…`, `- - - - …`) would exhaust the stack — in V8 sometimes fatally —
 * so such text is refused before it is parsed.
 */
export const MAX_NESTING_DEPTH = 256;

/** The offset where nesting first exceeds `limit`, or -1 when it never does. */
export function excessiveNestingAt(text: string, limit = MAX_NESTING_DEPTH): number {
  const indents: number[] = [];
  let flow = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    // Start of a line: block structure.
    let indent = 0;
    while (i < n && text.charCodeAt(i) === 32) { indent++; i++; }
    const first = text[i];
    if (flow === 0 && i < n && first !== '\n' && first !== '\r' && first !== '#') {
      while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
      indents.push(indent);
      // Compact nested sequences and mappings on one line: `- - - x`, `- ? - x`.
      let dashes = 0;
      while (i + 1 < n && (text[i] === '-' || text[i] === '?') && (text[i + 1] === ' ' || text[i + 1] === '\t')) {
        dashes++;
        i += 2;
        while (i < n && text[i] === ' ') i++;
        if (indents.length + dashes > limit) return i;
      }
      if (indents.length + dashes > limit) return i;
    }
    // The rest of the line: flow brackets outside quotes and comments.
    let quote = '';
    while (i < n && text[i] !== '\n') {
      const c = text[i];
      if (quote) {
        if (c === '\\' && quote === '"') i++;
        else if (c === quote) quote = '';
      } else if (c === '"' || c === "'") {
        quote = c;
      } else if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t')) {
        while (i < n && text[i] !== '\n') i++;
        break;
      } else if (c === '[' || c === '{') {
        if (++flow + indents.length > limit) return i;
      } else if ((c === ']' || c === '}') && flow > 0) {
        flow--;
      }
      i++;
    }
    i++; // the newline
  }
  return -1;
}
