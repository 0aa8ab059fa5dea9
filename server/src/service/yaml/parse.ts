/**
 * Parses YAML once, guarded against hostile input (size, nesting, alias bombs, control
 * characters); every feature works from the result. The server caches it per document
 * version, so a keystroke costs one parse however many features ask.
 *
 * This module only orchestrates; each job has its file: the size guard (size.ts), the token
 * budget and the nesting guard (bounded.ts), section reuse (sectionReuse.ts, sections.ts),
 * the data and its duplicate keys (value.ts, duplicateKeys.ts, mergeErrors.ts), aliases
 * (aliases.ts), and the parser's findings as diagnostics (syntaxDiagnostics.ts).
 */
import type { Document } from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { diagnostic } from './spans';
import { valueWithAliases } from './aliases';
import { MAX_YAML_TOKENS, parseBounded, refusal } from './bounded';
import { addDuplicateKeyErrors } from './duplicateKeys';
import { mergeErrors } from './mergeErrors';
import { parseBySections, sectionsOf } from './sectionReuse';
import { splitSections, YamlSection } from './sections';
import { DEFAULT_MAX_FILE_SIZE, oversize } from './size';
import { syntaxDiagnostics } from './syntaxDiagnostics';
import { plainValue, PlainValue } from './value';

// The parse's limits are part of its interface: the bench and the tests read them here.
export { DEFAULT_MAX_FILE_SIZE } from './size';
export { MAX_NESTING_DEPTH, MAX_YAML_TOKENS, yamlWork } from './bounded';

/** A YAML text, parsed. */
export interface YamlParse {
  /** The YAML document, with source ranges and comments; absent for oversize or hostile input. */
  readonly yaml: Document.Parsed | undefined;
  /** Plain data for schema validation; `undefined` when it could not be built. */
  readonly value: unknown;
  /** Syntax and resource diagnostics found while parsing. */
  readonly parseDiagnostics: readonly Diagnostic[];
  /**
   * The parse of each top-level entry, when the document was parsed by sections (sections.ts): the next version reuses
   * them.
   */
  readonly sections?: readonly YamlSection[];
  /**
   * The text was parsed whole because its sections had errors: the next version starts whole too, until one parses
   * clean.
   */
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
  /**
   * Files above this many bytes (UTF-8, as on disk: the command line's measure too) get one diagnostic instead of a
   * full check.
   */
  maxFileSize?: number;
}

export function parseYaml(document: TextDocument, text: string, options: ParseOptions = {}): YamlParse {
  const tooLarge = oversize(document, text, options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE);
  if (tooLarge) return { yaml: undefined, value: undefined, parseDiagnostics: [tooLarge] };
  let yaml: Document.Parsed;
  let sections: YamlSection[] | undefined;
  // The data and the duplicate keys in one walk when there is no anchor or alias (value.ts).
  let plain: PlainValue | undefined;
  try {
    // With the previous version's sections: only the changed ones are parsed. Otherwise (a first
    // parse, or after one that had errors) the text is parsed whole, and cut into sections after.
    const previousSections =
      options.whole || options.previous?.wholeAfterErrors ? undefined : options.previous?.sections;
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
    // The parser reports problems as errors; a throw is a guard's refusal, a bug or a resource limit. Never crash.
    const failed =
      refusal(document, error) ??
      diagnostic(
        document,
        0,
        0,
        DiagnosticSeverity.Error,
        'yaml/syntax',
        `The YAML could not be parsed: ${(error as Error).message}`,
      );
    return { yaml: undefined, value: undefined, parseDiagnostics: [failed] };
  }
  const parseDiagnostics = syntaxDiagnostics(document, text, yaml);
  let value: unknown;
  if (plain) value = plain.value;
  else {
    const built = valueWithAliases(document, yaml);
    if ('diagnostic' in built) parseDiagnostics.push(built.diagnostic);
    else value = built.value;
  }
  return { yaml, value, parseDiagnostics, sections, wholeAfterErrors: !sections && yaml.errors.length > 0 };
}

/**
 * Whether the parse found YAML errors. Fixes that insert keys are not offered then: the
 * parse may hide a key that is in the text (after an unterminated quote), and inserting it
 * again would write a duplicate.
 */
export function hasSyntaxErrors(parsed: Pick<YamlParse, 'parseDiagnostics'>): boolean {
  return parsed.parseDiagnostics.some((d) => d.code === 'yaml/syntax' && d.severity === DiagnosticSeverity.Error);
}
