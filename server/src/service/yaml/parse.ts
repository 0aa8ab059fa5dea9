/**
 * Parses YAML once, guarded against hostile input (size, nesting, alias bombs, control
 * characters); every feature works from the result. The server caches it per document
 * version, so a keystroke costs one parse however many features ask.
 */
import { CollectionTag, Composer, Document, Lexer, Parser, ScalarTag, visit, isAlias, isCollection, isMap, isNode, isScalar, isSeq, Node, YAMLMap, YAMLParseError } from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnostic } from './spans';
import { Codes } from '../diagnostics/codes';
import { codeSpan, shorten } from '../text/text';
import { combineSections, moveSection, splitSections, YamlSection } from './sections';
import { plainValue, PlainValue } from './value';

/** A YAML text, parsed. */
export interface YamlParse {
  /** The YAML document, with source ranges and comments; absent for oversize or hostile input. */
  readonly yaml: Document.Parsed | undefined;
  /** Plain data for schema validation; `undefined` when it could not be built. */
  readonly value: unknown;
  /** Syntax and resource diagnostics found while parsing. */
  readonly parseDiagnostics: readonly Diagnostic[];
  /** The parse of each top-level entry, when the document was parsed by sections (sections.ts): the next version reuses them. */
  readonly sections?: readonly YamlSection[];
  /** The text was parsed whole because its sections had errors: the next version starts whole too, until one parses clean. */
  readonly wholeAfterErrors?: boolean;
  /**
   * Front matter only: the keys written at the start of its lines, read from the text, so that
   * a card whose YAML cannot be read (an alias bomb) is still known as one and told so.
   */
  readonly topLevelKeys?: readonly string[];
}

/** A YAML document with its text: what the shared machinery works on (formats' parses extend it). */
export interface ParsedYamlDocument extends YamlParse {
  readonly document: TextDocument;
  readonly text: string;
}

export interface ParseOptions {
  /** Parse the text whole, never by sections (tests compare the two). */
  whole?: boolean;
  /**
   * The parse of this document's previous version: the sections whose text did not change are
   * reused. Their nodes are moved in place, so the previous parse must not be used after.
   */
  previous?: YamlParse;
  /** Files above this many bytes (UTF-8, as on disk: the command line's measure too) get one diagnostic instead of a full check. */
  maxFileSize?: number;
}

export const DEFAULT_MAX_FILE_SIZE = 4 * 1024 * 1024;
/** Aliases beyond this count are treated as an alias bomb ("billion laughs"). */
const MAX_ALIAS_COUNT = 1000;
/**
 * The most YAML tokens (the parser's own lexemes: indicators, scalars, spaces, line breaks,
 * comments) a document may have. The parser costs 1.5–6.5 µs per token, so this bounds a
 * parse near one second whatever the text; a 10,000-line manifest has about 82,000 tokens,
 * and the largest real card front matter we have about 5,000.
 */
export const MAX_YAML_TOKENS = 200_000;
/**
 * The most collections (mappings, sequences) one inside another. The parser's composer
 * recurses per level, and very deep input (`[[[[…`, `- - - …`) would exhaust the stack — in V8
 * sometimes fatally — so it is refused while the parser reads it: the depth is the parser's
 * own stack, which no quoting can fool.
 */
export const MAX_NESTING_DEPTH = 256;
/** Tokens read by the parser so far (tests measure work with it, never wall time). */
export const yamlWork = { tokens: 0 };

export function parseYaml(document: TextDocument, text: string, options: ParseOptions = {}): YamlParse {
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const bytes = utf8BytesAbove(text, maxFileSize);
  if (bytes !== undefined) {
    return {
      yaml: undefined, value: undefined,
      parseDiagnostics: [diagnostic(document, 0, 0, DiagnosticSeverity.Warning, Codes.tooLarge,
        `This file has ${bytes.toLocaleString('en-US')} bytes, more than the limit of ${maxFileSize.toLocaleString('en-US')} (setting osaiManifest.maxFileSize); it was not checked.`)],
    };
  }
  let yaml: Document.Parsed;
  let sections: YamlSection[] | undefined;
  // The data and the duplicate keys in one walk when there is no anchor or alias (value.ts).
  let plain: PlainValue | undefined;
  try {
    // With the previous version's sections: only the changed ones are parsed. Otherwise (a first
    // parse, or after one that had errors) the text is parsed whole, and cut into sections after.
    const previousSections = options.whole || options.previous?.wholeAfterErrors ? undefined : options.previous?.sections;
    const sectioned = previousSections ? parseBySections(text, previousSections, { left: MAX_YAML_TOKENS }) : undefined;
    let anchors = false;
    if (sectioned) ({ yaml, sections } = sectioned);
    else {
      const ranges = options.whole ? undefined : splitSections(text);
      const whole = parseBounded(text, { left: MAX_YAML_TOKENS }, 0, true, ranges);
      yaml = whole.doc;
      anchors = whole.anchors;
      sections = ranges && !whole.anchors ? sectionsOf(whole.doc, text, ranges, whole.tokensPerRange!) : undefined;
    }
    plain = anchors ? undefined : plainValue(yaml);
    if (plain) mergeErrors(yaml, plain.duplicates);
    else addDuplicateKeyErrors(yaml);
  } catch (error) {
    if (error instanceof TooDeep) {
      return {
        yaml: undefined, value: undefined,
        parseDiagnostics: [diagnostic(document, error.offset, error.offset + 1, DiagnosticSeverity.Error, Codes.yamlSyntax,
          `Nesting deeper than ${MAX_NESTING_DEPTH} levels starts here; a manifest never needs that, so the file was not checked. Flatten the structure.`)],
      };
    }
    if (error instanceof TooManyTokens) {
      return {
        yaml: undefined, value: undefined,
        parseDiagnostics: [diagnostic(document, error.offset, error.offset, DiagnosticSeverity.Warning, Codes.tooComplex,
          `More than ${MAX_YAML_TOKENS.toLocaleString('en-US')} YAML tokens (keys, values, indicators, line breaks) by this point, far more than any manifest needs, so the file was not checked. Is this the file you meant? A manifest has a few thousand; keep long lists (datasets, libraries) in their own files and link them.`)],
      };
    }
    // The parser reports problems as errors; a throw is a bug or a resource limit. Never crash.
    return {
      yaml: undefined, value: undefined,
      parseDiagnostics: [diagnostic(document, 0, 0, DiagnosticSeverity.Error, 'yaml/syntax', `The YAML could not be parsed: ${(error as Error).message}`)],
    };
  }
  const parseDiagnostics: Diagnostic[] = [];
  for (const error of yaml.errors) {
    parseDiagnostics.push(diagnostic(document, error.pos[0], error.pos[1], DiagnosticSeverity.Error, 'yaml/syntax', syntaxMessage(error.code, error.message)));
  }
  for (const warning of yaml.warnings) {
    parseDiagnostics.push(diagnostic(document, warning.pos[0], warning.pos[1], DiagnosticSeverity.Warning, 'yaml/syntax', shorten(warning.message, MAX_PARSER_MESSAGE)));
  }
  reportControlCharacters(document, text, parseDiagnostics);
  let value: unknown;
  try {
    value = plain ? plain.value : yaml.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // toJS throws on alias bombs and on aliases to no anchor (both ReferenceErrors); point at the alias so the user sees where.
    const unresolved = firstUnresolvedAlias(yaml);
    const at = unresolved?.offset ?? firstAliasOffset(yaml);
    parseDiagnostics.push(diagnostic(document, at, at + 1 + (unresolved?.name.length ?? 0), DiagnosticSeverity.Error, 'yaml/syntax',
      unresolved
        ? `The alias ${codeSpan(`*${unresolved.name}`)} names no anchor: mark the value it should repeat with ${codeSpan(`&${unresolved.name}`)} earlier in the file, or write the value out. The file was not checked further.`
        : error instanceof ReferenceError
          ? 'Too many alias expansions: this looks like an alias bomb ("billion laughs"), so the file was not checked further. Write the values out instead of aliasing them.'
          : `The YAML could not be read: ${shorten((error as Error).message, MAX_PARSER_MESSAGE)}`));
    value = undefined;
  }
  return { yaml, value, parseDiagnostics, sections, wholeAfterErrors: !sections && yaml.errors.length > 0 };
}

/**
 * The document parsed one top-level entry at a time (sections.ts), reusing the previous
 * version's sections whose text is unchanged (matched from the start and from the end);
 * undefined when it cannot be split or its sections do not combine (errors, aliases).
 */
function parseBySections(text: string, previous: readonly YamlSection[], budget: { left: number }): { yaml: Document.Parsed; sections: YamlSection[] } | undefined {
  const ranges = splitSections(text);
  if (!ranges) return undefined;
  const old = previous;
  const same = (i: number, j: number) => j >= 0 && j < old.length && old[j].text.length === ranges[i][1] - ranges[i][0] && text.startsWith(old[j].text, ranges[i][0]);
  let head = 0;
  while (head < ranges.length && same(head, head)) head++;
  let tail = 0;
  while (tail < ranges.length - head && tail < old.length - head && same(ranges.length - 1 - tail, old.length - 1 - tail)) tail++;
  const sections: YamlSection[] = [];
  for (let i = 0; i < ranges.length; i++) {
    const [start, end] = ranges[i];
    const from = i < head ? i : i >= ranges.length - tail ? old.length - (ranges.length - i) : -1;
    const reused = from >= 0 ? old[from] : undefined;
    if (reused) {
      // The document start the lexer reads first is counted in the first section only (a whole
      // parse reads it once; a later section parsed alone skips its own): a section reused at
      // the top or moved off it gains or loses that token.
      const tokens = reused.tokens + (i === 0 ? 1 : 0) - (from === 0 ? 1 : 0);
      // Over the budget, the section is parsed again below: it stops at the very token a whole parse stops at.
      if (tokens <= budget.left) {
        budget.left -= tokens;
        moveSection(reused, start - reused.start);
        sections.push(tokens === reused.tokens ? reused : { ...reused, tokens });
        continue;
      }
    }
    const sectionText = text.slice(start, end);
    const before = budget.left;
    const { doc, anchors } = parseBounded(sectionText, budget, start, i === 0);
    // An error may mean the split was wrong (a quote or a bracket left open across it), and the
    // whole parse recovers differently; an alias may refer to another section: parse whole. (A guard that stops a later section stops
    // the whole parse at the same token: up to it, the sections were clean, so lexed alike.)
    if (anchors || doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
    sections.push({ text: sectionText, start, doc, tokens: before - budget.left, anchors });
  }
  const yaml = combineSections(sections, text);
  return yaml ? { yaml, sections } : undefined;
}

/**
 * The text's length in UTF-8 bytes when it exceeds `limit`, else undefined. A UTF-16 code unit
 * is 1 to 3 bytes (a surrogate pair 4 for 2), so most texts are settled by their length alone;
 * the rest are counted, in one pass.
 */
export function utf8BytesAbove(text: string, limit: number): number | undefined {
  if (text.length > limit) return utf8Length(text);
  if (text.length * 3 <= limit) return undefined;
  const bytes = utf8Length(text);
  return bytes > limit ? bytes : undefined;
}

function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) { bytes += 1; continue; }
    const next = text.charCodeAt(i + 1);
    // A surrogate pair is 4 bytes for its 2 units; anything else from U+0800 (a lone half too, written as U+FFFD) is 3.
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) { bytes += 2; i++; } else bytes += 2;
  }
  return bytes;
}

class TooManyTokens extends Error {
  constructor(readonly offset: number) { super('too many YAML tokens'); }
}

class TooDeep extends Error {
  constructor(readonly offset: number) { super('YAML nested too deep'); }
}

/** Parsed YAML, and whether its tokens hold an anchor or an alias (sections with one are not combined: an alias may point across). */
interface Bounded {
  doc: Document.Parsed;
  anchors: boolean;
  /** With `ranges`: the tokens read in each. */
  tokensPerRange?: number[];
}

/**
 * `yaml.parseDocument`, fed token by token so that the parse stops at `MAX_YAML_TOKENS` or
 * `MAX_NESTING_DEPTH`: the count and the depth are the parser's own, so no quoting or layout
 * can hide work or depth from them. Linear in the text up to the budget. The parser's own
 * duplicate-key check is off (it rescans the mapping per key, quadratic): value.ts finds
 * duplicates in its walk, `addDuplicateKeyErrors` where that walk does not apply.
 */
function parseBounded(text: string, budget: { left: number }, offset: number, countStart: boolean, ranges?: ReadonlyArray<readonly [number, number]>): Bounded {
  const parser = new Parser();
  // Offsets from `offset` on, so that a section's nodes are where they are in the document.
  parser.offset = offset;
  const read: TokensRead = { anchors: false, count: 0, before: ranges?.map(() => -1) };
  const composer = new Composer(text.includes('%YAML') ? COMPOSER_OPTIONS : CORE_COMPOSER_OPTIONS);
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(boundedTokens(text, parser, budget, countStart, ranges, read), true, offset + text.length)) {
    if (!doc) { doc = next; continue; }
    doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
    break;
  }
  let tokensPerRange: number[] | undefined;
  const readBefore = read.before;
  if (readBefore) {
    readBefore[0] = 0;
    tokensPerRange = readBefore.map((before, i) => {
      const after = i + 1 < readBefore.length && readBefore[i + 1] >= 0 ? readBefore[i + 1] : read.count;
      return before < 0 ? 0 : after - before;
    });
  }
  return { doc: doc!, anchors: read.anchors, tokensPerRange };
}

/** The composer's options (its duplicate-key check off: see `parseBounded`). */
const COMPOSER_OPTIONS = { uniqueKeys: false, keepSourceTokens: false, logLevel: 'error' } as const;
/**
 * A plain scalar that starts with none of the characters a YAML 1.2 core-schema null, boolean,
 * integer or float can start with (`~ n N t T f F . + -` and digits; an empty one is null) is a
 * string. Tried before the schema's own tags, this one test settles most scalars of a
 * manifest (names, URLs, license ids), which the schema would try against eight regular
 * expressions first; the scalar is the same (a test-resolved tag leaves no mark on the node).
 * Only for the core schema, the one without a `%YAML` directive: YAML 1.1 reads `yes` and `on`
 * as booleans.
 */
const PLAIN_STRING = { tag: 'tag:yaml.org,2002:str', default: true, test: /^[^-+.0-9~NnTtFf]/, resolve: (text: string) => text };
const CORE_COMPOSER_OPTIONS = { ...COMPOSER_OPTIONS, customTags: (tags: Tags) => [PLAIN_STRING, ...tags] };
type Tags = Array<ScalarTag | CollectionTag>;

/** What `boundedTokens` read, recorded when it stops. */
interface TokensRead {
  anchors: boolean;
  count: number;
  /** With ranges: how many tokens were read before each range's first token (-1: none reached); the counts are their differences. */
  before?: number[];
}

/**
 * The parser's output for the lexer's tokens of `text`, each counted against the budget and
 * checked for anchors, aliases and depth. Every check is on locals (one token costs a parse
 * 1.5–6.5 µs, so a property write or a closure variable per token shows); the totals go to
 * `read`, the budget and `yamlWork` once, when it stops.
 */
function* boundedTokens(text: string, parser: Parser, budget: { left: number }, countStart: boolean, ranges: ReadonlyArray<readonly [number, number]> | undefined, read: TokensRead) {
  // The parser's stack holds the document and each collection still open in it.
  const deepest = MAX_NESTING_DEPTH + 1;
  const before = read.before;
  let first = !countStart;
  let scalarNext = false;
  let anchors = false;
  let left = budget.left;
  let count = 0;
  let range = 0;
  let nextStart = ranges && ranges.length > 1 ? ranges[1][0] : Infinity;
  try {
    for (const lexeme of new Lexer().lex(text)) {
      // A section after the first begins with a document start the whole text does not have: not counted.
      if (first) { first = false; if (lexeme === '\u0002') { yield* parser.next(lexeme); continue; } }
      if (--left < 0) throw new TooManyTokens(parser.offset);
      if (parser.offset >= nextStart) {
        while (range + 1 < ranges!.length && parser.offset >= ranges![range + 1][0]) before![++range] = count;
        nextStart = range + 1 < ranges!.length ? ranges![range + 1][0] : Infinity;
      }
      count++;
      // `&a` and `*a` outside scalar text (which follows the scalar marker, U+001F).
      const c = lexeme.charCodeAt(0);
      if (!scalarNext && (c === 38 || c === 42)) anchors = true;
      scalarNext = c === 31;
      const at = parser.offset;
      yield* parser.next(lexeme);
      if (parser.stack.length > deepest) throw new TooDeep(at);
    }
    yield* parser.end();
  } finally {
    budget.left = left;
    yamlWork.tokens += count;
    read.count = count;
    read.anchors = anchors;
  }
}

/**
 * The sections of a clean whole parse (a block mapping, no error, warning, anchor or alias):
 * its top-level entries grouped by the ranges they start in, so that the next version reuses
 * them as if they had been parsed one by one. Undefined when the parse does not qualify.
 */
function sectionsOf(doc: Document.Parsed, text: string, ranges: ReadonlyArray<readonly [number, number]>, tokens: readonly number[]): YamlSection[] | undefined {
  const map = doc.contents;
  if (doc.errors.length > 0 || doc.warnings.length > 0 || !isMap(map) || map.flow || !map.range) return undefined;
  const groups: Array<YAMLMap['items']> = ranges.map(() => []);
  let range = 0;
  for (const pair of map.items) {
    const at = (pair.key as Node | null)?.range?.[0];
    if (at === undefined) return undefined;
    while (range + 1 < ranges.length && at >= ranges[range + 1][0]) range++;
    groups[range].push(pair);
  }
  if (groups.some((g) => g.length === 0)) return undefined;
  return ranges.map(([start, end], i) => {
    const part = new YAMLMap(doc.schema);
    part.items = groups[i];
    const first = (groups[i][0].key as Node).range![0];
    // Where this entry's mapping ends: the next one's start, or the whole mapping's end for the last.
    part.range = i + 1 < ranges.length ? [i === 0 ? map.range![0] : first, end, end] : [first, map.range![1], map.range![2]];
    const section = { contents: part, errors: [], warnings: [], schema: doc.schema, range: [start, end, end] } as unknown as Document.Parsed;
    return { text: text.slice(start, end), start, doc: section, tokens: tokens[i], anchors: false };
  });
}

/** The parser's messages are cut at this length (they may quote the text). */
const MAX_PARSER_MESSAGE = 200;

/** YAML streams may not contain C0 control characters other than tab, LF and CR (YAML 1.2, 5.1). */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const MAX_CONTROL_REPORTS = 10;

function reportControlCharacters(document: TextDocument, text: string, out: Diagnostic[]): void {
  let count = 0;
  for (const match of text.matchAll(CONTROL_CHARACTER)) {
    if (++count > MAX_CONTROL_REPORTS) break;
    const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    out.push(diagnostic(document, match.index!, match.index! + 1, DiagnosticSeverity.Error, 'yaml/syntax',
      `Control character U+${code} is not allowed in YAML; remove it (is this a binary file?).`));
  }
}

function syntaxMessage(code: string, message: string): string {
  switch (code) {
    case 'DUPLICATE_KEY': return 'Duplicate key: each key may appear only once in a mapping.';
    case 'MULTIPLE_DOCS': return 'A manifest holds one YAML document; remove the `---` separator and the second document.';
    case 'TAB_AS_INDENT': return 'Tabs cannot indent YAML; use spaces.';
    case 'RESOURCE_EXHAUSTION': return `The YAML parser ran out of resources here (${message}); simplify the structure.`;
    default: {
      // The parser's own messages may quote the text (a tag, a directive): shortened like every quote.
      const short = shorten(message, MAX_PARSER_MESSAGE);
      return short.endsWith('.') || short.endsWith('…') ? short : `${short}.`;
    }
  }
}

/** The first alias whose anchor is not defined before it (in document order), if any. */
function firstUnresolvedAlias(doc: Document.Parsed): { offset: number; name: string } | undefined {
  const anchors = new Set<string>();
  let found: { offset: number; name: string } | undefined;
  visit(doc, (_key, node) => {
    if (isAlias(node)) {
      if (!anchors.has(node.source)) { found = { offset: node.range?.[0] ?? 0, name: node.source }; return visit.BREAK; }
    } else if (isNode(node) && node.anchor) anchors.add(node.anchor);
    return undefined;
  });
  return found;
}

function firstAliasOffset(doc: Document.Parsed): number {
  let offset = 0;
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node) && node.range) offset = node.range[0];
      return visit.BREAK;
    },
  });
  return offset;
}


/**
 * The parser's `uniqueKeys` check, in linear time: a scalar key whose value an earlier key of
 * the same mapping has is a duplicate (the parser's rule), reported where the key starts. The
 * errors join the parser's in document order.
 */
function addDuplicateKeyErrors(doc: Document.Parsed): void {
  const found: YAMLParseError[] = [];
  // A plain walk (no visitor paths): linear in the nodes, each mapping's keys in one Set.
  const pending: unknown[] = [doc.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isMap(node)) {
      const seen = node.items.length > 1 ? new Set<unknown>() : undefined;
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        if (seen && isScalar(key)) {
          if (seen.has(key.value)) {
            const at = key.range?.[0] ?? node.range?.[0] ?? 0;
            found.push(new YAMLParseError([at, at + 1], 'DUPLICATE_KEY', 'Map keys must be unique'));
          } else seen.add(key.value);
        } else if (isCollection(key)) pending.push(key);
        if (isCollection(pair.value)) pending.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) if (isCollection(item)) pending.push(item);
    }
  }
  mergeErrors(doc, found.sort((a, b) => a.pos[0] - b.pos[0]));
}

/** Adds errors (sorted by position) to the parser's, keeping document order. */
function mergeErrors(doc: Document.Parsed, sorted: readonly YAMLParseError[]): void {
  if (sorted.length === 0) return;
  const merged: YAMLParseError[] = [];
  let next = 0;
  for (const error of doc.errors) {
    while (next < sorted.length && sorted[next].pos[0] < error.pos[0]) merged.push(sorted[next++]);
    merged.push(error);
  }
  while (next < sorted.length) merged.push(sorted[next++]);
  doc.errors.length = 0;
  for (const error of merged) doc.errors.push(error);
}

/**
 * Whether the parse found YAML errors. Fixes that insert keys are not offered then: the
 * parse may hide a key that is in the text (after an unterminated quote), and inserting it
 * again would write a duplicate.
 */
export function hasSyntaxErrors(parsed: Pick<YamlParse, 'parseDiagnostics'>): boolean {
  return parsed.parseDiagnostics.some((d) => d.code === 'yaml/syntax' && d.severity === DiagnosticSeverity.Error);
}
