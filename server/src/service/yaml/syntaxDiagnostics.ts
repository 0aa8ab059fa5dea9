/**
 * What the parser found, as diagnostics: its errors and warnings in our words, and the control
 * characters YAML does not allow (which the parser does not report).
 */
import type { Document } from 'yaml';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { shorten } from '../text/text';
import { diagnostic } from './spans';

/** The parser's errors and warnings, then the text's control characters. */
export function syntaxDiagnostics(document: TextDocument, text: string, yaml: Document.Parsed): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const error of yaml.errors) {
    const message = syntaxMessage(error.code, error.message);
    out.push(diagnostic(document, error.pos[0], error.pos[1], DiagnosticSeverity.Error, 'yaml/syntax', message));
  }
  for (const warning of yaml.warnings) {
    const message = shorten(warning.message, MAX_PARSER_MESSAGE);
    out.push(diagnostic(document, warning.pos[0], warning.pos[1], DiagnosticSeverity.Warning, 'yaml/syntax', message));
  }
  reportControlCharacters(document, text, out);
  return out;
}

/** The parser's messages are cut at this length (they may quote the text). */
export const MAX_PARSER_MESSAGE = 200;

/** YAML streams may not contain C0 control characters other than tab, LF and CR (YAML 1.2, 5.1). */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const MAX_CONTROL_REPORTS = 10;

function reportControlCharacters(document: TextDocument, text: string, out: Diagnostic[]): void {
  let count = 0;
  for (const match of text.matchAll(CONTROL_CHARACTER)) {
    if (++count > MAX_CONTROL_REPORTS) break;
    const code = match[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0');
    out.push(
      diagnostic(
        document,
        match.index!,
        match.index! + 1,
        DiagnosticSeverity.Error,
        'yaml/syntax',
        `Control character U+${code} is not allowed in YAML; remove it (is this a binary file?).`,
      ),
    );
  }
}

function syntaxMessage(code: string, message: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'Duplicate key: each key may appear only once in a mapping.';
    case 'MULTIPLE_DOCS':
      return 'A manifest holds one YAML document; remove the `---` separator and the second document.';
    case 'TAB_AS_INDENT':
      return 'Tabs cannot indent YAML; use spaces.';
    case 'RESOURCE_EXHAUSTION':
      return `The YAML parser ran out of resources here (${message}); simplify the structure.`;
    default: {
      // The parser's own messages may quote the text (a tag, a directive): shortened like every quote.
      const short = shorten(message, MAX_PARSER_MESSAGE);
      return short.endsWith('.') || short.endsWith('…') ? short : `${short}.`;
    }
  }
}
