/**
 * Parses a manifest once; every feature works from the result. The server caches it per
 * document version, so a keystroke costs one parse however many features ask.
 */
import { Document, isMap, isScalar, parseDocument, visit, isAlias } from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE } from './diagnosticCodes';

export interface ParsedManifest {
  readonly document: TextDocument;
  readonly text: string;
  /** The YAML document, with source ranges and comments; absent only for oversize input. */
  readonly yaml: Document.Parsed | undefined;
  /** Plain data for schema validation; `undefined` when it could not be built. */
  readonly value: unknown;
  /** Syntax and resource diagnostics found while parsing. */
  readonly parseDiagnostics: readonly Diagnostic[];
}

export interface ParseOptions {
  /** Files above this many characters get one diagnostic instead of a full check. */
  maxFileSize?: number;
}

export const DEFAULT_MAX_FILE_SIZE = 4 * 1024 * 1024;
/** Aliases beyond this count are treated as an alias bomb ("billion laughs"). */
const MAX_ALIAS_COUNT = 1000;

export function parseManifest(document: TextDocument, options: ParseOptions = {}): ParsedManifest {
  const text = document.getText();
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  if (text.length > maxFileSize) {
    return {
      document, text, yaml: undefined, value: undefined,
      parseDiagnostics: [diagnostic(document, 0, 0, DiagnosticSeverity.Warning, 'size/too-large',
        `This file has ${text.length.toLocaleString('en-US')} characters, more than the limit of ${maxFileSize.toLocaleString('en-US')} (setting osaiManifest.maxFileSize); it was not checked.`)],
    };
  }
  const yaml = parseDocument(text, { prettyErrors: false, uniqueKeys: true, keepSourceTokens: false });
  const parseDiagnostics: Diagnostic[] = [];
  for (const error of yaml.errors) {
    parseDiagnostics.push(diagnostic(document, error.pos[0], error.pos[1], DiagnosticSeverity.Error, 'yaml/syntax', syntaxMessage(error.code, error.message)));
  }
  for (const warning of yaml.warnings) {
    parseDiagnostics.push(diagnostic(document, warning.pos[0], warning.pos[1], DiagnosticSeverity.Warning, 'yaml/syntax', warning.message));
  }
  let value: unknown;
  try {
    value = yaml.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    // toJS throws on alias bombs; point at the first alias so the user sees where.
    const at = firstAliasOffset(yaml);
    parseDiagnostics.push(diagnostic(document, at, at + 1, DiagnosticSeverity.Error, 'yaml/syntax',
      error instanceof ReferenceError
        ? 'Too many alias expansions: this looks like an alias bomb ("billion laughs"), so the file was not checked further. Write the values out instead of aliasing them.'
        : `The YAML could not be read: ${(error as Error).message}`));
    value = undefined;
  }
  return { document, text, yaml, value, parseDiagnostics };
}

function syntaxMessage(code: string, message: string): string {
  switch (code) {
    case 'DUPLICATE_KEY': return 'Duplicate key: each key may appear only once in a mapping.';
    case 'MULTIPLE_DOCS': return 'A manifest holds one YAML document; remove the `---` separator and the second document.';
    case 'TAB_AS_INDENT': return 'Tabs cannot indent YAML; use spaces.';
    default: return message.endsWith('.') ? message : `${message}.`;
  }
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

export function diagnostic(document: TextDocument, start: number, end: number, severity: DiagnosticSeverity, code: string, message: string, data?: unknown): Diagnostic {
  const range = Range.create(document.positionAt(start), document.positionAt(Math.max(start, end)));
  const d: Diagnostic = { range, severity, code, source: DIAGNOSTIC_SOURCE, message };
  if (data !== undefined) d.data = data;
  return d;
}

/** True when the manifest's top level is a mapping (or empty), i.e. checkable. */
export function hasMappingRoot(parsed: ParsedManifest): boolean {
  const contents = parsed.yaml?.contents;
  return contents === null || contents === undefined || isMap(contents) || (isScalar(contents) && contents.value === null);
}



/** The first line's span: where document-level findings are reported. */
export function firstLineSpan(text: string): [number, number] {
  const end = text.search(/\r?\n/);
  return [0, end < 0 ? text.length : end];
}
