/**
 * A card whose front matter could not be read: its parse diagnostics and one note that it was
 * not checked as a card, and why (as MOF files say it): such a card is reported, never skipped.
 */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { Codes } from '../diagnostics/codes';
import type { ParsedYamlDocument } from '../yaml/parse';
import { diagnostic, firstLineSpan } from '../yaml/spans';

export function unreadableCardDiagnostics(parsed: ParsedYamlDocument): Diagnostic[] {
  const reasons = parsed.parseDiagnostics.filter(
    (d) => d.severity === DiagnosticSeverity.Error || d.code === Codes.tooComplex,
  );
  // The reason the value could not be built is the last problem the parse reported (its guards come last).
  const reason = reasons[reasons.length - 1]?.message;
  const span = firstLineSpan(parsed.text);
  const note = diagnostic(
    parsed.document,
    span[0],
    span[1],
    DiagnosticSeverity.Information,
    Codes.yamlSyntax,
    `Not checked as a Hugging Face card: its front matter could not be read${reason ? ` (${reason.replace(/\.$/, '')})` : ''}.`,
    { path: '' },
  );
  return [...parsed.parseDiagnostics, note];
}
