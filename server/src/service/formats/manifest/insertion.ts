/**
 * Text edits that insert missing requirements: at the right place in canonical order,
 * with the surrounding indentation and style (block or flow), touching nothing else.
 */
import { TextEdit } from 'vscode-languageserver-types';
import { isMap, isScalar, isSeq, Node, YAMLMap } from 'yaml';
import type { ParsedDocument } from '../format';
import { childrenOf, keyOf, requirementFor, toPattern } from '../../osaid/requirements';
import { blockEntry, blockListItem, flowEntry, flowMapping } from '../../osaid/skeleton';
import { column, endOfLine, lineStart } from '../../text/text';
import { formatPath, locate, parsePath, PathSegment } from '../../yaml/nodes';

/**
 * `depth`: path length of the inserted element; at one offset, deeper inserts go first (they
 * continue the inner block). `flow`: an entry of a flow collection (joined with `, `).
 */
interface RawEdit {
  start: number;
  end: number;
  text: string;
  depth?: number;
  flow?: boolean;
}

/**
 * Edits inserting every path in `paths` (concrete paths of missing elements). `value`: the
 * text a scalar element gets instead of the placeholder (e.g. a "does not apply" statement).
 */
export function insertionEdits(parsed: ParsedDocument, paths: readonly string[], value?: string): TextEdit[] {
  const raw: RawEdit[] = [];
  for (const path of paths) {
    const depth = parsePath(path).length;
    raw.push(...insertionFor(parsed, path, value).map((e) => ({ ...e, depth })));
  }
  return merge(raw).map((e) =>
    TextEdit.replace({ start: parsed.document.positionAt(e.start), end: parsed.document.positionAt(e.end) }, e.text),
  );
}

function insertionFor(parsed: ParsedDocument, path: string, value?: string): RawEdit[] {
  const yaml = parsed.yaml;
  if (!yaml) return [];
  const segments = parsePath(path);
  const last = segments[segments.length - 1];
  const parentSegments = segments.slice(0, -1);
  const root = yaml.contents as Node | null;
  const parent = parentSegments.length === 0 ? { node: root, pair: undefined } : locate(root, parentSegments);
  if (!parent) return [];
  const text = parsed.text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const unit = indentUnit(text);

  if (typeof last === 'number')
    return insertListItem(
      parsed,
      parent.node,
      parent.pair?.key as Node | undefined,
      formatPath(parentSegments),
      unit,
      eol,
    );

  const req = requirementFor(path);
  if (!req) return [];
  const node = parent.node;
  const isNull = node === null || (isScalar(node) && node.value === null);

  if (isMap(node) && node.flow) {
    const lastItem = node.items[node.items.length - 1];
    const after = lastItem ? endOf(lastItem.value as Node | null, lastItem.key as Node) : (node.range?.[0] ?? 0) + 1;
    return [{ start: after, end: after, text: `${lastItem ? ', ' : ''}${flowEntry(req, value)}`, flow: true }];
  }
  if (isMap(node)) {
    const [offset, indent] = blockInsertionPoint(parsed, node, toPattern(formatPath(parentSegments)), keyOf(req));
    const lines = blockEntry(req, indent, unit, value);
    if (offset < 0 && !/^[ \t]*$/.test(text.slice(lineStart(text, -offset - 1), keyStart(node)))) {
      // The first key shares its line with `- ` (a list item): insert at the key itself.
      const at = keyStart(node);
      return [{ start: at, end: at, text: lines.join(eol).slice(indent.length) + eol + indent }];
    }
    return [atLineStart(text, offset, lines, eol)];
  }
  if (isNull) {
    const keyNode = parent.pair?.key as Node | undefined;
    if (!keyNode?.range) {
      // An empty document: append at the end.
      return [appendAtEnd(text, blockEntry(req, '', unit, value), eol)];
    }
    const indent = ' '.repeat(column(text, keyNode.range[0])) + unit;
    return underKey(text, keyNode, node, blockEntry(req, indent, unit, value), eol);
  }
  return [];
}

/** A missing first item of a list that is null or `[]`. */
function insertListItem(
  parsed: ParsedDocument,
  node: Node | null,
  keyNode: Node | undefined,
  listPath: string,
  unit: string,
  eol: string,
): RawEdit[] {
  const text = parsed.text;
  const pattern = toPattern(listPath);
  if (isSeq(node) && node.flow && node.range) {
    const lastItem = node.items[node.items.length - 1] as Node | undefined;
    const at = lastItem?.range ? lastItem.range[1] : node.range[0] + 1;
    return [{ start: at, end: at, text: `${lastItem ? ', ' : ''}${flowMapping(`${pattern}[]`)}`, flow: true }];
  }
  if (isSeq(node) && node.items.length > 0) {
    const lastItem = node.items[node.items.length - 1] as Node;
    const indent = ' '.repeat(column(text, node.range?.[0] ?? 0));
    return [atLineStart(text, endOf(lastItem, lastItem), blockListItem(pattern, indent, unit), eol)];
  }
  if (!keyNode?.range) return [];
  const indent = ' '.repeat(column(text, keyNode.range[0])) + unit;
  return underKey(text, keyNode, node, blockListItem(pattern, indent, unit), eol);
}

/** Puts block lines under a key whose value is empty; drops an explicit `null`/`~`. */
function underKey(text: string, keyNode: Node, value: Node | null, lines: string[], eol: string): RawEdit[] {
  const edits: RawEdit[] = [];
  let anchor = keyNode.range![1];
  if (value && value.range && value.range[1] > value.range[0]) {
    // Drop the explicit null and the space before it: `key: ~` becomes `key:`.
    const colon = text.indexOf(':', keyNode.range![1]);
    const start = colon >= 0 && colon < value.range[0] ? colon + 1 : value.range[0];
    edits.push({ start, end: value.range[1], text: '' });
    anchor = value.range[1];
  }
  const lineEnd = endOfLine(text, anchor);
  edits.push({ start: lineEnd, end: lineEnd, text: eol + lines.join(eol) });
  return edits;
}

/** Where a new key goes in a block mapping: after its predecessor in canonical order. */
function blockInsertionPoint(parsed: ParsedDocument, map: YAMLMap, pattern: string, key: string): [number, string] {
  const order = childrenOf(pattern).map(keyOf);
  const rank = (k: string): number => {
    const i = order.indexOf(k);
    return i < 0 ? order.length : i;
  };
  const target = rank(key);
  const firstKey = map.items[0]?.key as Node | undefined;
  const indent = ' '.repeat(column(parsed.text, firstKey?.range?.[0] ?? map.range?.[0] ?? 0));
  let after: number | undefined;
  for (const item of map.items) {
    const k = isScalar(item.key) ? String(item.key.value) : '';
    if (rank(k) < target) after = endOf(item.value as Node | null, item.key as Node);
  }
  if (after !== undefined) return [after, indent];
  // Before the first key: at the start of its line.
  const firstStart = firstKey?.range?.[0] ?? 0;
  return [-(lineStart(parsed.text, firstStart) + 1), indent];
}

/**
 * Lines inserted at the start of the line after `offset`; a negative offset `-(n+1)` means
 * "at offset n, which already is a line start".
 */
function atLineStart(text: string, offset: number, lines: string[], eol: string): RawEdit {
  if (offset < 0) {
    const at = -offset - 1;
    return { start: at, end: at, text: lines.join(eol) + eol };
  }
  const lineEnd = endOfLine(text, offset > 0 && text[offset - 1] === '\n' ? offset - 1 : offset);
  if (lineEnd >= text.length) {
    return { start: text.length, end: text.length, text: eol + lines.join(eol) };
  }
  const next = lineEnd + (text.startsWith('\r\n', lineEnd) ? 2 : 1);
  return { start: next, end: next, text: lines.join(eol) + eol };
}

function appendAtEnd(text: string, lines: string[], eol: string): RawEdit {
  const needsBreak = text.length > 0 && !text.endsWith('\n');
  return { start: text.length, end: text.length, text: (needsBreak ? eol : '') + lines.join(eol) + eol };
}

/** The end of a pair's own text (value, else key), excluding trailing comments on later lines. */
function endOf(value: Node | null, key: Node): number {
  const node = value?.range ? value : key;
  return node.range ? node.range[1] : 0;
}

function keyStart(map: YAMLMap): number {
  return (map.items[0]?.key as Node | undefined)?.range?.[0] ?? map.range?.[0] ?? 0;
}

/** The document's indentation step: the smallest indentation of any line, default two spaces. */
function indentUnit(text: string): string {
  let min = Infinity;
  for (const m of text.matchAll(/^( +)\S/gm)) {
    if (m[1].length < min) min = m[1].length;
    if (min === 2) break;
  }
  return Number.isFinite(min) && min <= 8 ? ' '.repeat(min) : '  ';
}

/**
 * Combines edits that touch: inserts at one offset are concatenated in order, duplicate
 * deletions dropped, and an insert right after a deletion joins it (clients reject
 * overlapping edits and order touching ones differently).
 */
function merge(edits: RawEdit[]): RawEdit[] {
  const unique: RawEdit[] = [];
  const ordered = edits
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.start - b.e.start || (b.e.depth ?? 0) - (a.e.depth ?? 0) || a.i - b.i)
    .map(({ e }) => e);
  for (const e of ordered) {
    const same = unique.find((o) => o.start === e.start && o.end === e.end);
    if (!same) unique.push({ ...e });
    else if (e.start === e.end) same.text += same.flow && e.flow && !e.text.startsWith(', ') ? `, ${e.text}` : e.text;
  }
  unique.sort((a, b) => a.start - b.start || a.end - a.start - (b.end - b.start));
  const out: RawEdit[] = [];
  for (const e of unique) {
    const previous = out[out.length - 1];
    if (previous && e.start === e.end && previous.end === e.start) previous.text += e.text;
    else out.push(e);
  }
  return out;
}
export type { PathSegment };
