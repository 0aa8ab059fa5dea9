/**
 * Text edits in a card's front matter, by offsets into the file: lines inserted with the
 * file's indentation and line endings, list items removed, values replaced. Every builder
 * answers `undefined` rather than an edit that would remove a comment or land outside the
 * line structure it expects.
 */
import { isPair, isScalar, Node, Pair } from 'yaml';

/** A replacement of [start, end) with `text`, in the file's offsets. */
export interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

/** Whether removing or replacing this text would take a comment with it. */
export function holdsComment(text: string): boolean {
  return /(^|\s)#/.test(text);
}

/** [start, end) of a node, its end moved back over trailing whitespace and line breaks. */
export function nodeSpan(text: string, node: Node | null | undefined): [number, number] | undefined {
  if (!node?.range) return undefined;
  const start = node.range[0];
  let end = node.range[1];
  while (end > start && /\s/.test(text[end - 1])) end--;
  return [start, end];
}

/** The span of a sequence item, which may be a pair in a flow sequence (`[a: b]`). */
export function itemSpan(text: string, item: unknown): [number, number] | undefined {
  if (isPair(item)) {
    const pair = item as Pair<Node | null, Node | null>;
    const first = nodeSpan(text, pair.key);
    const last = nodeSpan(text, pair.value) ?? first;
    return first && last ? [first[0], last[1]] : undefined;
  }
  return nodeSpan(text, item as Node | null);
}

export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The indentation before `offset` when only blanks precede it on its line. */
export function indentBefore(text: string, offset: number): string | undefined {
  const indent = text.slice(lineStartOf(text, offset), offset);
  return /^[ \t]*$/.test(indent) ? indent : undefined;
}

/** The offset just after the line break that ends the line holding `offset`, and that line break. */
export function lineBreakAfter(text: string, offset: number): { next: number; eol: string } | undefined {
  const lf = text.indexOf('\n', offset);
  if (lf < 0) return undefined;
  return { next: lf + 1, eol: lf > 0 && text[lf - 1] === '\r' ? '\r\n' : '\n' };
}

/** The offset just after the `:` that follows a mapping key. */
export function afterColon(text: string, key: Node): number | undefined {
  const span = nodeSpan(text, key);
  if (!span) return undefined;
  const m = /^[ \t]*:/.exec(text.slice(span[1], span[1] + 200));
  return m ? span[1] + m[0].length : undefined;
}

/** A line `line` (without its break) inserted after the line where the pair `key: value` ends. */
export function insertLineAfterPair(text: string, pair: Pair<Node, Node | null>, line: string): OffsetEdit | undefined {
  const key = nodeSpan(text, pair.key);
  if (!key) return undefined;
  const indent = indentBefore(text, key[0]);
  const end = nodeSpan(text, pair.value)?.[1] ?? afterColon(text, pair.key);
  const brk = end === undefined ? undefined : lineBreakAfter(text, end);
  if (indent === undefined || !brk) return undefined;
  return { start: brk.next, end: brk.next, text: `${indent}${line}${brk.eol}` };
}

/** A line `line` inserted before the line of the key `key`, at the same indentation. */
export function insertLineBefore(text: string, key: Node, line: string): OffsetEdit | undefined {
  const span = nodeSpan(text, key);
  if (!span) return undefined;
  const indent = indentBefore(text, span[0]);
  const brk = lineBreakAfter(text, span[0]);
  if (indent === undefined || !brk) return undefined;
  const start = lineStartOf(text, span[0]);
  return { start, end: start, text: `${indent}${line}${brk.eol}` };
}

/**
 * Replaces a pair's value with `value` (a plain scalar): the value's own text when it sits
 * on the key's line, or everything after the `:` when it is a block collection below it.
 */
export function replaceValue(text: string, pair: Pair<Node, Node | null>, value: string): OffsetEdit | undefined {
  const colon = afterColon(text, pair.key);
  if (colon === undefined) return undefined;
  const span = nodeSpan(text, pair.value);
  if (!span || span[0] === span[1]) return { start: colon, end: colon, text: ` ${value}` };
  const blockBelow = text.slice(colon, span[0]).includes('\n');
  const edit = blockBelow
    ? { start: colon, end: span[1], text: ` ${value}` }
    : { start: span[0], end: span[1], text: value };
  return holdsComment(text.slice(edit.start, edit.end)) ? undefined : edit;
}

/** The `-` of a block sequence item that starts at `offset` (the item may be empty). */
export function dashBefore(text: string, offset: number): number | undefined {
  let i = offset - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  return i >= 0 && text[i] === '-' && indentBefore(text, i) !== undefined ? i : undefined;
}

/** Removes the whole lines of a block sequence item (from its `-` to the end of its last line). */
export function removeBlockItem(text: string, item: Node | null | undefined, dash: number): OffsetEdit | undefined {
  const span = nodeSpan(text, item);
  const end = span && span[1] > span[0] ? span[1] : dash + 1;
  const brk = lineBreakAfter(text, end);
  if (!brk) return undefined;
  const start = lineStartOf(text, dash);
  return holdsComment(text.slice(start, brk.next)) ? undefined : { start, end: brk.next, text: '' };
}

/** Removes item `index` of a flow sequence with its comma. */
export function removeFlowItem(text: string, items: readonly unknown[], index: number): OffsetEdit | undefined {
  const spans = items.map((item) => itemSpan(text, item));
  const own = spans[index];
  if (!own || spans.some((s) => !s)) return undefined;
  const next = spans[index + 1];
  const previous = spans[index - 1];
  const [start, end] = next ? [own[0], next[0]] : previous ? [previous[1], own[1]] : own;
  return holdsComment(text.slice(start, end)) ? undefined : { start, end, text: '' };
}

/** Removes the whole lines of a pair `key: value` (the value on those lines). */
export function removePair(text: string, pair: Pair<Node, Node | null>): OffsetEdit | undefined {
  const key = nodeSpan(text, pair.key);
  if (!key || indentBefore(text, key[0]) === undefined) return undefined;
  const end = nodeSpan(text, pair.value)?.[1] ?? afterColon(text, pair.key);
  const brk = end === undefined ? undefined : lineBreakAfter(text, end);
  if (!brk) return undefined;
  const start = lineStartOf(text, key[0]);
  return holdsComment(text.slice(start, brk.next)) ? undefined : { start, end: brk.next, text: '' };
}

/** The source text of a one-line plain or quoted scalar, to move it elsewhere as it is. */
export function movableScalar(text: string, node: unknown): string | undefined {
  if (!isScalar(node) || typeof node.value !== 'string' || node.value.trim() === '') return undefined;
  if (node.type !== 'PLAIN' && node.type !== 'QUOTE_DOUBLE' && node.type !== 'QUOTE_SINGLE') return undefined;
  const span = nodeSpan(text, node);
  const source = span ? text.slice(span[0], span[1]) : undefined;
  return source && !/[\r\n]/.test(source) ? source : undefined;
}
