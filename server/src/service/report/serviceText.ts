/**
 * The service's one-line texts (a finding's detail, a verdict): plain text that quotes the
 * manifest, with code spans around the names and values it quotes. Some values stand outside
 * code spans (a card's dataset ids), so nothing else in it is Markdown: no emphasis, no links,
 * no raw HTML. Both renderers read it through `splitCodeSpans`, so a span in the HTML is one
 * in the Markdown, and everything else is printed as escaped text.
 */
import { escapeHtml } from './escapeHtml';

export interface Segment {
  code: boolean;
  /** What the reader should see: backslash escapes undone; a code span's content as CommonMark shows it. */
  text: string;
  /** The source it came from (a code span with its backticks). */
  raw: string;
}

/** ASCII punctuation: what a CommonMark backslash escapes. */
export const ESCAPABLE = /^[!-/:-@[-`{-~]$/;

/**
 * The code spans of a line, as CommonMark finds them: a backtick run opens a span only if a
 * run of the same length closes it; inside a span a backslash is a plain character (it cannot
 * keep the span open), outside one a backslash before a backtick makes it a plain backtick (it
 * cannot open one).
 */
export function splitCodeSpans(source: string): Segment[] {
  const out: Segment[] = [];
  let text = '';
  let rawStart = 0;
  const flush = (end: number) => {
    if (end > rawStart) out.push({ code: false, text, raw: source.slice(rawStart, end) });
    text = '';
  };
  const closingRun = closingRuns(source);
  let i = 0;
  while (i < source.length) {
    const c = source[i];
    if (c === '\\' && i + 1 < source.length && ESCAPABLE.test(source[i + 1])) {
      text += source[i + 1];
      i += 2;
    } else if (c === '`') {
      let n = 1;
      while (source[i + n] === '`') n++;
      const close = closingRun(i + n, n);
      if (close < 0) {
        text += '`'.repeat(n);
        i += n;
        continue;
      }
      flush(i);
      out.push({ code: true, text: codeContent(source.slice(i + n, close)), raw: source.slice(i, close + n) });
      i = close + n;
      rawStart = i;
    } else {
      text += c;
      i++;
    }
  }
  flush(source.length);
  return out;
}

/**
 * A finder of the next run of exactly `n` backticks starting at or after `from` (-1: none), for
 * `from` only growing: the runs are listed once, so a line of many runs takes linear time.
 */
function closingRuns(source: string): (from: number, n: number) => number {
  const starts = new Map<number, number[]>();
  for (const run of source.matchAll(/`+/g)) {
    const list = starts.get(run[0].length);
    if (list) list.push(run.index!);
    else starts.set(run[0].length, [run.index!]);
  }
  const next = new Map<number, number>();
  return (from, n) => {
    const list = starts.get(n);
    if (!list) return -1;
    let k = next.get(n) ?? 0;
    while (k < list.length && list[k] < from) k++;
    next.set(n, k);
    return k < list.length ? list[k] : -1;
  };
}

/**
 * A code span's content as CommonMark shows it: line endings as spaces, one space stripped from each side when both
 * have one.
 */
function codeContent(raw: string): string {
  const text = raw.replace(/\r\n|\r|\n/g, ' ');
  return /^ [^]* $/.test(text) && /[^ ]/.test(text) ? text.slice(1, -1) : text;
}

/** The service's text as HTML: code spans as `<code>`, the rest as text (both escaped). */
export function serviceTextToHtml(source: string): string {
  return splitCodeSpans(source)
    .map((s) => (s.code ? `<code>${escapeHtml(s.text)}</code>` : escapeHtml(s.text)))
    .join('');
}
