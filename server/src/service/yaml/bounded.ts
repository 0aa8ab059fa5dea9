/**
 * The token budget and the nesting guard: the YAML parser fed the lexer's tokens one at a
 * time, counted and watched for depth, so that no input makes a parse unbounded. This is the
 * parse's hot loop: its checks are on locals, so that they add next to nothing to the parser's
 * own work per token.
 */
import { CollectionTag, Composer, Document, Lexer, Parser, ScalarTag, YAMLParseError } from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { Codes } from '../diagnostics/codes';
import { diagnostic } from './spans';

/**
 * The most YAML tokens (the parser's own lexemes: indicators, scalars, spaces, line breaks,
 * comments) a document may have: it bounds a parse near one second whatever the text
 * (BENCHMARKS.md, "Design measurements"), far above what a real 10,000-line manifest or the
 * largest real card's front matter hold.
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

class TooManyTokens extends Error {
  constructor(readonly offset: number) {
    super('too many YAML tokens');
  }
}

class TooDeep extends Error {
  constructor(readonly offset: number) {
    super('YAML nested too deep');
  }
}

/** The one diagnostic of a parse a guard stopped, or undefined when `error` is not a guard's. */
export function refusal(document: TextDocument, error: unknown): Diagnostic | undefined {
  if (error instanceof TooDeep) {
    return diagnostic(
      document,
      error.offset,
      error.offset + 1,
      DiagnosticSeverity.Error,
      Codes.yamlSyntax,
      `Nesting deeper than ${MAX_NESTING_DEPTH} levels starts here; a manifest ` +
        `never needs that, so the file was not checked. Flatten the structure.`,
    );
  }
  if (error instanceof TooManyTokens) {
    return diagnostic(
      document,
      error.offset,
      error.offset,
      DiagnosticSeverity.Warning,
      Codes.tooComplex,
      `More than ${MAX_YAML_TOKENS.toLocaleString('en-US')} YAML tokens ` +
        `(keys, values, indicators, line breaks) by this point, far more than ` +
        `any manifest needs, so the file was not checked. Is this the file you ` +
        `meant? A manifest has a few thousand; keep long lists (datasets, ` +
        `libraries) in their own files and link them.`,
    );
  }
  return undefined;
}

/**
 * Parsed YAML, and whether its tokens hold an anchor or an alias (sections with one are not combined: an alias may
 * point across).
 */
export interface Bounded {
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
 * duplicates in its walk, duplicateKeys.ts where that walk does not apply.
 */
export function parseBounded(
  text: string,
  budget: { left: number },
  offset: number,
  countStart: boolean,
  ranges?: ReadonlyArray<readonly [number, number]>,
): Bounded {
  const parser = new Parser();
  // Offsets from `offset` on, so that a section's nodes are where they are in the document.
  parser.offset = offset;
  const read: TokensRead = { anchors: false, count: 0, before: ranges?.map(() => -1) };
  const composer = new Composer(text.includes('%YAML') ? COMPOSER_OPTIONS : CORE_COMPOSER_OPTIONS);
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(
    boundedTokens(text, parser, budget, countStart, ranges, read),
    true,
    offset + text.length,
  )) {
    if (!doc) {
      doc = next;
      continue;
    }
    doc.errors.push(
      new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'),
    );
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
const PLAIN_STRING = {
  tag: 'tag:yaml.org,2002:str',
  default: true,
  test: /^[^-+.0-9~NnTtFf]/,
  resolve: (text: string) => text,
};
const CORE_COMPOSER_OPTIONS = { ...COMPOSER_OPTIONS, customTags: (tags: Tags) => [PLAIN_STRING, ...tags] };
type Tags = Array<ScalarTag | CollectionTag>;

/** What `boundedTokens` read, recorded when it stops. */
interface TokensRead {
  anchors: boolean;
  count: number;
  /**
   * With ranges: how many tokens were read before each range's first token (-1: none reached); the counts are their
   * differences.
   */
  before?: number[];
}

/**
 * The parser's output for the lexer's tokens of `text`, each counted against the budget and
 * checked for anchors, aliases and depth. Every check is on locals (a token is cheap enough
 * that a property write or a closure variable per token shows in the benchmark); the totals go
 * to `read`, the budget and `yamlWork` once, when it stops.
 */
function* boundedTokens(
  text: string,
  parser: Parser,
  budget: { left: number },
  countStart: boolean,
  ranges: ReadonlyArray<readonly [number, number]> | undefined,
  read: TokensRead,
) {
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
      if (first) {
        first = false;
        if (lexeme === '\u0002') {
          yield* parser.next(lexeme);
          continue;
        }
      }
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
