/** Navigation over the YAML AST: manifest paths ↔ nodes ↔ offsets. */
import { isMap, isScalar, isSeq, Node, Pair, YAMLMap, Scalar } from 'yaml';
import { MAX_QUOTED_LENGTH, shorten } from '../text/text';

export type PathSegment = string | number;

/** `['code','supporting_libraries',0,'license']` → `code.supporting_libraries[0].license`. */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out ? `.${s}` : s;
  }
  return out;
}

/** A path of keys (`a.b[0].c`) as a message names it: each key shortened, then the whole. */
export function shortPath(segments: readonly PathSegment[]): string {
  return shorten(formatPath(segments.map((s) => (typeof s === 'string' ? shorten(s) : s))), 4 * MAX_QUOTED_LENGTH);
}

export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  for (const part of path.split('.')) {
    const m = /^([^[]*)((?:\[\d*\])*)$/.exec(part);
    if (!m) {
      segments.push(part);
      continue;
    }
    if (m[1]) segments.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d*)\]/g)) segments.push(idx[1] === '' ? -1 : Number(idx[1]));
  }
  return segments;
}

/**
 * Pairs a mapping scans when it is searched or indexed: the work measure the tests bound
 * (a lookup in a large mapping must not rescan it: one scan per mapping, then a Map).
 */
export const mappingScans = { pairs: 0 };

/** Mappings with more pairs than this are indexed once instead of scanned per lookup. */
const INDEX_FROM = 16;

interface MappingIndex {
  /** The `items` array and its length when indexed: a different array or length rebuilds. */
  items: unknown[];
  length: number;
  /** Each scalar key (as text) to its last pair (the one whose value the data has). */
  pairs: Map<string, Pair<Node, Node | null>>;
}

const indexes = new WeakMap<YAMLMap, MappingIndex>();

function mappingIndex(map: YAMLMap): MappingIndex {
  const cached = indexes.get(map);
  if (cached && cached.items === map.items && cached.length === map.items.length) return cached;
  const pairs = new Map<string, Pair<Node, Node | null>>();
  for (const item of map.items) {
    mappingScans.pairs++;
    if (!isScalar(item.key)) continue;
    pairs.set(String(item.key.value), item as Pair<Node, Node | null>);
  }
  const index = { items: map.items, length: map.items.length, pairs };
  indexes.set(map, index);
  return index;
}

/** The scalar keys of `map`, as text (indexed once per mapping, like `findPair`). */
export function presentKeys(map: YAMLMap): ReadonlySet<string> | ReadonlyMap<string, unknown> {
  return mappingIndex(map).pairs;
}

/**
 * The pair in `map` whose key is the scalar `key`; of duplicate keys (a YAML error) the last,
 * whose value the parsed data holds, so that a finding about the data lands on its text.
 */
export function findPair(map: YAMLMap, key: string): Pair<Node, Node | null> | undefined {
  if (map.items.length > INDEX_FROM) {
    const pair = mappingIndex(map).pairs.get(key);
    // A key edited in place since the index was built: index again.
    if (pair && !(isScalar(pair.key) && String(pair.key.value) === key)) {
      indexes.delete(map);
      return mappingIndex(map).pairs.get(key);
    }
    return pair;
  }
  const items = map.items;
  for (let i = items.length - 1; i >= 0; i--) {
    const k = items[i].key;
    if (!isScalar(k)) continue;
    const v = k.value;
    if (typeof v === 'string' ? v === key : String(v) === key) {
      mappingScans.pairs += items.length - i;
      return items[i] as Pair<Node, Node | null>;
    }
  }
  // Counted once per lookup, not per pair (this runs for every requirement of every mapping).
  mappingScans.pairs += items.length;
  return undefined;
}

export interface Located {
  /** The value node at the path (null when the key has no value). */
  node: Node | null;
  /** The pair holding it, when it is a mapping value. */
  pair?: Pair<Node, Node | null>;
}

/** Follows a path from the document root; undefined when some segment does not exist. */
export function locate(root: Node | null | undefined, segments: readonly PathSegment[]): Located | undefined {
  let current: Located = { node: root ?? null };
  for (const segment of segments) {
    const node = current.node;
    if (typeof segment === 'number') {
      if (!isSeq(node)) return undefined;
      const item = node.items[segment];
      if (item === undefined) return undefined;
      current = { node: item as Node | null };
    } else {
      if (!isMap(node)) return undefined;
      const pair = findPair(node, segment);
      if (!pair) return undefined;
      current = { node: pair.value, pair };
    }
  }
  return current;
}

export function scalarText(node: Node | null | undefined): string | undefined {
  if (!isScalar(node)) return undefined;
  const v = (node as Scalar).value;
  return v === null || v === undefined ? undefined : String(v);
}

/**
 * [start, end) of a scalar's own text without quotes, when the source spells its value
 * verbatim (no escapes, no folding); undefined otherwise.
 */
export function verbatimSpan(source: string, node: Node | null | undefined): [number, number] | undefined {
  if (!isScalar(node) || !node.range || node.value === null || node.value === undefined) return undefined;
  const value = String(node.value);
  const quotes = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : 0;
  const start = node.range[0] + quotes;
  // The whole source text must be the value (`1.0` is the number 1: not verbatim).
  const verbatim =
    value !== '' && node.range[1] - node.range[0] === value.length + 2 * quotes && source.startsWith(value, start);
  return verbatim ? [start, start + value.length] : undefined;
}

/** A scalar's text without its quotes where possible, else the node's range. */
export function innerSpan(source: string, node: Node | null | undefined): [number, number] | undefined {
  return verbatimSpan(source, node) ?? (node?.range ? [node.range[0], node.range[1]] : undefined);
}

export interface NodeAtOffset {
  path: PathSegment[];
  /** `key` when the offset is on a mapping key, `value` when on a scalar value. */
  on: 'key' | 'value' | 'collection';
  node: Node;
  pair?: Pair<Node, Node | null>;
}

/** The innermost key or value under `offset`. */
export function nodeAt(root: Node | null | undefined, offset: number): NodeAtOffset | undefined {
  const path: PathSegment[] = [];
  let node: Node | null | undefined = root;
  let found: NodeAtOffset | undefined;
  while (node) {
    if (isMap(node)) {
      let next: Node | null = null;
      for (const item of node.items) {
        const key = item.key as Node | null;
        const value = item.value as Node | null;
        if (isScalar(key) && key.range && offset >= key.range[0] && offset <= key.range[1]) {
          return { path: [...path, String(key.value)], on: 'key', node: key, pair: item as Pair<Node, Node | null> };
        }
        if (value && value.range && offset >= value.range[0] && offset <= value.range[1]) {
          path.push(isScalar(key) ? String(key.value) : '?');
          found = {
            path: [...path],
            on: isScalar(value) ? 'value' : 'collection',
            node: value,
            pair: item as Pair<Node, Node | null>,
          };
          next = value;
          break;
        }
      }
      node = next;
    } else if (isSeq(node)) {
      let next: Node | null = null;
      node.items.forEach((item, index) => {
        const n = item as Node | null;
        if (!next && n && n.range && offset >= n.range[0] && offset <= n.range[1]) {
          path.push(index);
          found = { path: [...path], on: isScalar(n) ? 'value' : 'collection', node: n };
          next = n;
        }
      });
      node = next;
    } else {
      node = null;
    }
  }
  return found;
}
