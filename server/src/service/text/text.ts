/** Plain helpers over source text and message wording, shared by every feature. */

/** The offset where the line holding `offset` starts. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The column of `offset` (0-based, in UTF-16 code units). */
export function column(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

/** The offset where the line holding `offset` ends, before its CR LF or LF. */
export function endOfLine(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  if (i < 0) return text.length;
  return text[i - 1] === '\r' ? i - 1 : i;
}

/** "What the data covers" → "what the data covers" (but "OSAID …" stays). */
export function lowerFirst(s: string): string {
  return s.length > 1 && /^[A-Z][a-z]/.test(s) ? s[0].toLowerCase() + s.slice(1) : s;
}

/** `a`, `b` or `c`. */
export function listIds(ids: readonly string[]): string {
  const q = ids.map((i) => `\`${i}\``);
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}

/** How many characters of a user's key or value a message quotes. */
export const MAX_QUOTED_LENGTH = 60;

/** A user's key or value as a message quotes it: at most `max` characters, then `…`. */
export function shorten(s: string, max = MAX_QUOTED_LENGTH): string {
  if (s.length <= max) return s;
  let cut = max - 1;
  // Do not split a surrogate pair.
  const code = s.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return `${s.slice(0, cut)}…`;
}

/**
 * A user's text in a Markdown code span, as messages, hovers and titles quote it: shortened
 * (`shorten`), with its backticks turned into `'` so that the span cannot break.
 */
export function codeSpan(text: string, max = MAX_QUOTED_LENGTH): string {
  return `\`${shorten(text.replace(/`/g, "'"), max)}\``;
}

/**
 * A user's value (a license string) as a message quotes it: in a code span, or, when it has
 * spaces or is empty, in double quotes — shortened either way.
 */
export function quoteUserText(text: string): string {
  return /\s/.test(text) || text === '' ? `"${shorten(text)}"` : codeSpan(text);
}
