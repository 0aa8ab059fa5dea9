/** Quick fixes for the Hub's metadata rules (`hf/…`). */
import { CodeAction, CodeActionKind, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { DIAGNOSTIC_SOURCE, DiagnosticData } from '../diagnostics/codes';
import { admits, editAction, replacementActions } from '../edits/actions';
import type { ParsedYamlDocument } from '../yaml/parse';
import { CardKind, hubFindings } from './rules';

export interface FixRequest {
  diagnostics: readonly import('vscode-languageserver-types').Diagnostic[];
  only?: readonly string[];
}

/**
 * The fixes of the request's `hf/…` diagnostics that the document still has (same code, path
 * and range): replacements of the range (`data.replacements`), then the finding's own edits.
 */
export function hubMetadataFixes(parsed: ParsedYamlDocument, kind: CardKind, request: FixRequest): CodeAction[] {
  if (!admits(request.only, CodeActionKind.QuickFix)) return [];
  const asked = request.diagnostics.filter(
    (d) => d.source === DIAGNOSTIC_SOURCE && typeof d.code === 'string' && d.code.startsWith('hf/'),
  );
  if (asked.length === 0) return [];
  const findings = hubFindings(parsed, kind);
  const uri = parsed.document.uri;
  const actions: CodeAction[] = [];
  for (const d of asked) {
    const finding = findings.find((f) => same(f.diagnostic, d));
    if (!finding) continue;
    const replacements = (d.data as DiagnosticData | undefined)?.replacements ?? [];
    actions.push(...replacementActions(uri, d, replacements, finding.verb));
    for (const f of finding.fixes) {
      const edits = f.edits.map((e) =>
        TextEdit.replace(
          { start: parsed.document.positionAt(e.start), end: parsed.document.positionAt(e.end) },
          e.text,
        ),
      );
      actions.push(
        editAction(f.title, uri, edits, {
          diagnostics: [d],
          preferred: replacements.length === 0 && finding.fixes.length === 1,
        }),
      );
    }
  }
  return actions;
}

function same(a: Diagnostic, b: Diagnostic): boolean {
  const path = (d: Diagnostic) => (d.data as DiagnosticData | undefined)?.path;
  return (
    a.code === b.code &&
    path(a) === path(b) &&
    a.range.start.line === b.range.start.line &&
    a.range.start.character === b.range.start.character &&
    a.range.end.line === b.range.end.line &&
    a.range.end.character === b.range.end.character
  );
}
