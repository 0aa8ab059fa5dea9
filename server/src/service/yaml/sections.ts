/**
 * Incremental parsing by top-level section. A keystroke changes one top-level entry of a
 * manifest (`system:`, `code:`, …); its other entries parse to the same nodes as before, only
 * moved by the length the edit added or removed. So a first parse of a document whose top
 * level is a plain block mapping is cut into its top-level entries (sectionReuse.ts
 * `sectionsOf`), and the next version reparses only the entries whose text changed, moving the
 * others' nodes (`moveSection`: a walk, several times cheaper than parsing them), and joins
 * them (`combineSections`). The result equals one parse of the whole text, except for
 * comments, which are not kept on nodes here (nothing reads them).
 *
 * Used only when the split cannot change the meaning: no directives or document markers, and
 * every section clean — no error, warning, anchor or alias (an alias may refer to another
 * section). Otherwise yaml/parse.ts parses the text whole, so errors are always the whole
 * parse's own.
 */
import { Document, isMap, isNode, isSeq, YAMLMap } from 'yaml';

/** One top-level entry: its text, where it starts in the document, its parse (offsets in the document). */
export interface YamlSection {
  readonly text: string;
  start: number;
  readonly doc: Document.Parsed;
  /**
   * Tokens its parse read at its place (they count against the document's token budget when it
   * is reused): the first section's include the document start, which a later one's do not.
   */
  readonly tokens: number;
  /** Its tokens hold an anchor or an alias: not combined (an alias may refer to another section). */
  readonly anchors: boolean;
}

/** A plain top-level key at the start of a line: where a section starts. */
const TOP_LEVEL_KEY = /^[A-Za-z0-9_][\w.-]*[ \t]*:(?:[ \t]|\r?$)/;
/** Directives and document markers: the text is parsed whole. */
const STREAM_LINE = /^(?:%|---(?:[ \t]|\r?$)|\.\.\.(?:[ \t]|\r?$))/m;
/**
 * What may be an anchor or an alias (`&a`, `*a` where a value may start). Sections holding one
 * are not combined, so such a text is parsed whole at once rather than by sections first; a
 * false alarm (`**bold**` in a value) only costs the reuse.
 */
const MAYBE_ANCHOR = /(?:^|[\s[{,:-])[&*][^\s,\]}]/;
/** At most this many sections: consecutive top-level entries are grouped beyond it (each section costs a parser). */
const MAX_SECTIONS = 64;

/**
 * [start, end) of each top-level entry (the first also holds what precedes it); undefined when the text cannot be
 * split.
 */
export function splitSections(text: string): Array<[number, number]> | undefined {
  if (STREAM_LINE.test(text) || MAYBE_ANCHOR.test(text)) return undefined;
  const starts: number[] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    const end = text.indexOf('\n', lineStart);
    const lineEnd = end < 0 ? text.length : end;
    const c = text.charCodeAt(lineStart);
    // Quick reject of lines that cannot hold a key at column 0 (indented, comment, blank).
    if (
      c !== 32 &&
      c !== 35 &&
      c !== 10 &&
      c !== 13 &&
      c !== 9 &&
      TOP_LEVEL_KEY.test(text.slice(lineStart, Math.min(lineEnd, lineStart + 256)))
    )
      starts.push(lineStart);
    if (end < 0) break;
    lineStart = end + 1;
  }
  if (starts.length < 2) return undefined;
  starts[0] = 0;
  const step = Math.ceil(starts.length / MAX_SECTIONS);
  const kept = step === 1 ? starts : starts.filter((_, i) => i % step === 0);
  return kept.map((start, i) => [start, i + 1 < kept.length ? kept[i + 1] : text.length]);
}

/**
 * The whole document from its sections: a block mapping of every section's entries, in order.
 * Undefined when a section has an error, a warning, an anchor or an alias, or is not a
 * mapping (then the caller parses the text whole).
 */
export function combineSections(sections: readonly YamlSection[], text: string): Document.Parsed | undefined {
  const items: YAMLMap['items'] = [];
  let first: YAMLMap | undefined;
  let last: YAMLMap | undefined;
  for (const section of sections) {
    const { doc } = section;
    if (
      section.anchors ||
      doc.errors.length > 0 ||
      doc.warnings.length > 0 ||
      !isMap(doc.contents) ||
      doc.contents.flow
    )
      return undefined;
    first ??= doc.contents;
    last = doc.contents;
    items.push(...doc.contents.items);
  }
  if (!first || !last?.range || !first.range) return undefined;
  const map = new YAMLMap(sections[0].doc.schema);
  map.items = items;
  // Where the whole parse's mapping starts and ends: its first entry, and the last section's end (trailing comments
  // included).
  map.range = [first.range[0], last.range[1], last.range[2]];
  const combined = new Document(map, { keepSourceTokens: false }) as unknown as Document.Parsed;
  combined.range = [0, text.length, text.length];
  combined.schema = sections[0].doc.schema;
  combined.errors = [];
  combined.warnings = [];
  return combined;
}

/**
 * Moves a section's nodes and errors by `delta` characters (it was reused at a new place).
 * Linear in its nodes. The nodes are changed in place: the parse they came from is the
 * document's previous version, which is not used again.
 */
export function moveSection(section: YamlSection, delta: number): void {
  if (delta === 0) return;
  section.start += delta;
  const { doc } = section;
  const pending: unknown[] = [doc.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (!isNode(node)) continue;
    const range = node.range;
    if (range) {
      range[0] += delta;
      range[1] += delta;
      range[2] += delta;
    }
    if (isMap(node)) for (const pair of node.items) pending.push(pair.key, pair.value);
    else if (isSeq(node)) pending.push(...node.items);
  }
  if (doc.range) {
    doc.range[0] += delta;
    doc.range[1] += delta;
    doc.range[2] += delta;
  }
}
