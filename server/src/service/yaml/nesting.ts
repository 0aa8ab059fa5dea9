/**
 * A cheap pre-parse bound on nesting depth. The YAML parser recurses per level, and very
 * deep input (`[[[[…`, `- - - - …`) would exhaust the stack — in V8 sometimes fatally —
 * so such text is refused before it is parsed.
 *
 * Brackets inside quoted scalars do not nest, so the scan follows quoting the way YAML does:
 * a quote opens a quoted scalar only where a scalar may start (at the start of a line's
 * content, after `[`, `{`, `,`, after `:`, `-` or `?` followed by a space, or after an anchor
 * or tag); inside double quotes `\` escapes the next character, inside single quotes `''` is a
 * quote; and quoted scalars may span lines. An apostrophe inside a plain scalar (`it's`) opens
 * nothing. As a backstop that no quoting can fool, the flow brackets are also counted with
 * quotes ignored altogether, against a limit twice as high (the parser copes with that).
 */
export const MAX_NESTING_DEPTH = 256;

/** The offset where nesting first exceeds `limit`, or -1 when it never does. */
export function excessiveNestingAt(text: string, limit = MAX_NESTING_DEPTH): number {
  const quoted = scan(text, limit, true);
  if (quoted >= 0) return quoted;
  return scan(text, limit * 2, false);
}

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === undefined;
}

function scan(text: string, limit: number, honourQuotes: boolean): number {
  const indents: number[] = [];
  let flow = 0;
  let i = 0;
  const n = text.length;
  /** The quote of a quoted scalar still open at the end of the previous line. */
  let quote = '';
  /** The indentation of the line that started a block scalar (`|`, `>`) still open, or -1. */
  let blockScalar = -1;
  while (i < n) {
    // Start of a line: block structure (not inside a flow collection or a quoted scalar).
    let indent = 0;
    while (i < n && text.charCodeAt(i) === 32) { indent++; i++; }
    const first = text[i];
    if (blockScalar >= 0) {
      // A block scalar's text is every following line indented deeper (and blank lines).
      if (indent > blockScalar || i >= n || first === '\n' || first === '\r') {
        while (i < n && text[i] !== '\n') i++;
        i++;
        continue;
      }
      blockScalar = -1;
    }
    if (flow === 0 && quote === '' && i < n && first !== '\n' && first !== '\r' && first !== '#') {
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
    // The rest of the line: flow brackets outside quoted scalars and comments.
    /** Whether a scalar may start here (so a quote would open a quoted scalar). */
    let scalarMayStart = true;
    /** Inside an anchor or a tag (`&a`, `!!str`) that stands before a scalar. */
    let inProperty = false;
    while (i < n && text[i] !== '\n') {
      const c = text[i];
      if (quote) {
        if (quote === '"' && c === '\\') i++;
        else if (c === quote) {
          if (quote === "'" && text[i + 1] === "'") i++;
          else { quote = ''; scalarMayStart = false; }
        }
        i++;
        continue;
      }
      if (c === ' ' || c === '\t' || c === '\r') {
        if (inProperty) { inProperty = false; scalarMayStart = true; }
      } else if (inProperty) {
        // part of the anchor or tag
      } else if (c === '#' && (i === 0 || text[i - 1] === ' ' || text[i - 1] === '\t' || text[i - 1] === '\n')) {
        while (i < n && text[i] !== '\n') i++;
        break;
      } else if (honourQuotes && (c === '"' || c === "'") && scalarMayStart) {
        quote = c;
      } else if (c === '[' || c === '{') {
        if (++flow + indents.length > limit) return i;
        scalarMayStart = true;
      } else if (c === ']' || c === '}') {
        if (flow > 0) flow--;
        scalarMayStart = false;
      } else if (c === ',') {
        scalarMayStart = true;
      } else if ((c === ':' || c === '-' || c === '?') && isBlank(text[i + 1]) && (c === ':' || scalarMayStart)) {
        // A value, sequence entry or explicit key indicator: a scalar may follow the blank.
        scalarMayStart = true;
      } else if (honourQuotes && (c === '|' || c === '>') && scalarMayStart && flow === 0 && /^[|>][0-9+-]*[ \t]*(?:#.*)?\r?$/.test(lineRest(text, i))) {
        blockScalar = indent;
        while (i < n && text[i] !== '\n') i++;
        break;
      } else if ((c === '&' || c === '!') && scalarMayStart) {
        inProperty = true;
        scalarMayStart = false;
      } else {
        scalarMayStart = false;
      }
      i++;
    }
    i++; // the newline
  }
  return -1;
}

function lineRest(text: string, i: number): string {
  const end = text.indexOf('\n', i);
  return text.slice(i, end < 0 ? text.length : Math.min(end, i + 64));
}
