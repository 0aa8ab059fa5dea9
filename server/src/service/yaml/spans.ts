/** Diagnostics from source offsets: tight ranges, the service's source, optional data. */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE } from '../diagnostics/codes';

/** Sorts diagnostics in document order (by where they start). */
export function inDocumentOrder(a: Diagnostic, b: Diagnostic): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
}

export function diagnostic(
  document: TextDocument,
  start: number,
  end: number,
  severity: DiagnosticSeverity,
  code: string,
  message: string,
  data?: unknown,
): Diagnostic {
  // Node ranges of block scalars and collections run on to the next line: end at the last
  // visible character, so the squiggle is tight and a replacement keeps the line break.
  const text = document.getText();
  let stop = Math.max(start, end);
  while (stop > start + 1 && /\s/.test(text[stop - 1])) stop--;
  const range = Range.create(document.positionAt(start), document.positionAt(stop));
  const d: Diagnostic = { range, severity, code, source: DIAGNOSTIC_SOURCE, message };
  if (data !== undefined) d.data = data;
  return d;
}

/** The first line's span: where document-level findings are reported. */
export function firstLineSpan(text: string): [number, number] {
  const end = text.search(/\r?\n/);
  return [0, end < 0 ? text.length : end];
}
