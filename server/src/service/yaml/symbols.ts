/** The outline of a YAML document: sections, their keys, and list items named by their `name` or `kind`. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentSymbol, SymbolKind } from 'vscode-languageserver-types';
import { Document, isMap, isScalar, isSeq, Node, YAMLMap } from 'yaml';
import { shorten } from '../text/text';
import { formatPath, PathSegment, scalarText } from './nodes';

/** The most symbols an outline holds (a list of a million items must not make a million). */
export const MAX_SYMBOLS = 2000;

/**
 * The most characters of a symbol's name or detail: the user's keys and values, shortened so
 * that a 10,000-character value does not make a 10,000-character outline entry. More than a
 * message quotes (60): the outline and breadcrumbs show little else, and long values such as
 * URLs are worth seeing, but a line of an outline never needs more than this.
 */
export const MAX_SYMBOL_TEXT = 120;

const shown = (text: string): string => shorten(text, MAX_SYMBOL_TEXT);

interface Outline {
  document: TextDocument;
  /** Symbols still allowed (counts down from MAX_SYMBOLS). */
  budget: { left: number };
  /** A key's detail from its path (e.g. the requirement's title); the scalar value otherwise. */
  detail?: (path: string) => string | undefined;
}

export function findDocumentSymbols(
  parsed: { document: TextDocument; yaml: Document.Parsed | undefined },
  detail?: Outline['detail'],
): DocumentSymbol[] {
  const root = parsed.yaml?.contents as Node | null | undefined;
  return isMap(root) ? mapSymbols({ document: parsed.document, detail, budget: { left: MAX_SYMBOLS } }, root, []) : [];
}

function mapSymbols(parsed: Outline, map: YAMLMap, segments: PathSegment[]): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const item of map.items) {
    if (parsed.budget.left <= 0) break;
    const key = item.key as Node | null;
    if (!isScalar(key) || !key.range) continue;
    parsed.budget.left--;
    const name = String(key.value);
    const value = item.value as Node | null;
    const path = [...segments, name];
    const detail = parsed.detail?.(formatPath(path)) ?? (isScalar(value) ? scalarText(value) : undefined);
    const end = value?.range ? value.range[1] : key.range[1];
    const symbol: DocumentSymbol = {
      name: shown(name),
      detail: detail === undefined ? undefined : shown(detail),
      kind:
        segments.length === 0
          ? SymbolKind.Module
          : isMap(value) || isSeq(value)
            ? SymbolKind.Object
            : SymbolKind.Property,
      range: range(parsed, key.range[0], end),
      selectionRange: range(parsed, key.range[0], key.range[1]),
    };
    if (isMap(value)) symbol.children = mapSymbols(parsed, value, path);
    else if (isSeq(value)) symbol.children = seqSymbols(parsed, value.items as Array<Node | null>, path);
    out.push(symbol);
  }
  return out;
}

function seqSymbols(parsed: Outline, items: Array<Node | null>, segments: PathSegment[]): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (let index = 0; index < items.length && parsed.budget.left > 0; index++) {
    const item = items[index];
    if (!item?.range) continue;
    parsed.budget.left--;
    const label = isMap(item)
      ? (scalarText(item.get('name', true) as Node) ?? scalarText(item.get('kind', true) as Node))
      : scalarText(item);
    const symbol: DocumentSymbol = {
      name: label === undefined ? `[${index}]` : shown(label),
      kind: SymbolKind.Object,
      range: range(parsed, item.range[0], item.range[1]),
      selectionRange: range(parsed, item.range[0], item.range[1]),
    };
    if (isMap(item)) symbol.children = mapSymbols(parsed, item, [...segments, index]);
    out.push(symbol);
  }
  return out;
}

function range(parsed: Outline, start: number, end: number) {
  return { start: parsed.document.positionAt(start), end: parsed.document.positionAt(Math.max(start, end)) };
}
