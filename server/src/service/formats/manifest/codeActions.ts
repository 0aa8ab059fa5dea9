/** Quick fixes: insert what is missing, replace what is misspelled. */
import { CodeAction, CodeActionKind, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { Codes, DIAGNOSTIC_SOURCE, DiagnosticData } from '../../diagnostics/codes';
import { insertionEdits } from './insertion';
import { ParsedManifest } from '../../yaml/parse';
import { requirementFor } from '../../osaid/requirements';

export const ADD_ALL_TITLE = 'Add all missing OSAID requirements';

/**
 * `diagnostics`: those the client sent for the range; `all`: the document's current
 * diagnostics (for "add all").
 */
export function getCodeActions(parsed: ParsedManifest, diagnostics: readonly Diagnostic[], all: readonly Diagnostic[], only?: readonly string[]): CodeAction[] {
  const uri = parsed.document.uri;
  const actions: CodeAction[] = [];
  const wants = (kind: string): boolean => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  if (wants(CodeActionKind.QuickFix)) {
    for (const d of diagnostics) {
      if (d.source !== DIAGNOSTIC_SOURCE) continue;
      const data = d.data as DiagnosticData | undefined;
      if (!data) continue;
      if (d.code === Codes.missing) {
        const edits = insertionEdits(parsed, [data.path]);
        if (edits.length === 0) continue;
        const req = data.requirement ? requirementFor(data.requirement) : undefined;
        const what = data.path.endsWith(']') ? `an entry to \`${data.path.replace(/\[\d+\]$/, '')}\`` : `\`${data.path}\``;
        actions.push({
          title: `Add ${what}${req && !data.path.toLowerCase().endsWith(req.title.toLowerCase()) ? ` (${req.title.toLowerCase()})` : ''}`,
          kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true,
          edit: { changes: { [uri]: edits } },
        });
      }
      for (const replacement of data.replacements ?? []) {
        actions.push({
          title: d.code === Codes.schemaUnknownKey ? `Rename to \`${replacement}\`` : `Change to \`${replacement}\``,
          kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: data.replacements?.length === 1,
          edit: { changes: { [uri]: [TextEdit.replace(d.range, replacement)] } },
        });
      }
    }
  }
  const missing = all.filter((d) => d.code === Codes.missing && d.source === DIAGNOSTIC_SOURCE);
  const offerAll = missing.length > 0 && (diagnostics.some((d) => d.code === Codes.missing) || (only !== undefined && wants(`${CodeActionKind.SourceFixAll}.osai`)));
  if (offerAll) {
    const edits = insertionEdits(parsed, missing.map((d) => (d.data as DiagnosticData).path));
    if (edits.length > 0) {
      const kind = only && !wants(CodeActionKind.QuickFix) ? `${CodeActionKind.SourceFixAll}.osai` : CodeActionKind.QuickFix;
      actions.push({ title: `${ADD_ALL_TITLE} (${missing.length})`, kind, diagnostics: missing, edit: { changes: { [uri]: edits } } });
    }
  }
  return actions;
}
