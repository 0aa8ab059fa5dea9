/** Quick fixes: insert what is missing, replace what is misspelled. */
import { CodeAction, CodeActionKind } from 'vscode-languageserver-types';
import { admits, editAction, replacementActions } from '../../edits/actions';
import { Codes, DIAGNOSTIC_SOURCE, DiagnosticData } from '../../diagnostics/codes';
import { insertionEdits } from './insertion';
import type { CodeActionRequest, ParsedDocument } from '../format';
import { requirementFor } from '../../osaid/requirements';
import { hasSyntaxErrors } from '../../yaml/parse';

export const ADD_ALL_TITLE = 'Add all missing OSAID requirements';

/** What "does not apply" inserts: still a placeholder (TODO) until the reason is written. */
export const NOT_APPLICABLE_STATEMENT = '"none — TODO: why it does not apply"';

/**
 * `diagnostics`: those the client sent for the range; `all`: the document's current
 * diagnostics (for "add all").
 */
export function getCodeActions(parsed: ParsedDocument, { diagnostics, all, only }: CodeActionRequest): CodeAction[] {
  const uri = parsed.document.uri;
  const actions: CodeAction[] = [];
  const wants = (kind: string): boolean => admits(only, kind);
  // Broken YAML may hide a key that is in the text: inserting it would write it twice.
  const mayInsert = !hasSyntaxErrors(parsed);
  if (wants(CodeActionKind.QuickFix)) {
    for (const d of diagnostics) {
      if (d.source !== DIAGNOSTIC_SOURCE) continue;
      const data = d.data as DiagnosticData | undefined;
      if (!data) continue;
      if (d.code === Codes.missing && mayInsert) {
        const edits = insertionEdits(parsed, [data.path]);
        if (edits.length === 0) continue;
        const req = data.requirement ? requirementFor(data.requirement) : undefined;
        const what = data.path.endsWith(']')
          ? `an entry to \`${data.path.replace(/\[\d+\]$/, '')}\``
          : `\`${data.path}\``;
        const title =
          `Add ${what}` +
          `${req && !data.path.toLowerCase().endsWith(req.title.toLowerCase()) ? ` (${req.title.toLowerCase()})` : ''}`;
        actions.push(editAction(title, uri, edits, { diagnostics: [d], preferred: true }));
        // An element that may truly not exist: say so, with the reason still to write.
        if (req?.mayNotApply && req.shape.kind !== 'list') {
          const statement = insertionEdits(parsed, [data.path], NOT_APPLICABLE_STATEMENT);
          if (statement.length > 0)
            actions.push(
              editAction(`State that \`${data.path}\` does not apply (with the reason)`, uri, statement, {
                diagnostics: [d],
              }),
            );
        }
      }
      actions.push(
        ...replacementActions(uri, d, data.replacements ?? [], d.code === Codes.schemaUnknownKey ? 'Rename' : 'Change'),
      );
    }
  }
  const missing = all.filter((d) => d.code === Codes.missing && d.source === DIAGNOSTIC_SOURCE);
  const offerAll =
    mayInsert &&
    missing.length > 0 &&
    (diagnostics.some((d) => d.code === Codes.missing) ||
      (only !== undefined && wants(`${CodeActionKind.SourceFixAll}.osai`)));
  if (offerAll) {
    const edits = insertionEdits(
      parsed,
      missing.map((d) => (d.data as DiagnosticData).path),
    );
    if (edits.length > 0) {
      const kind =
        only && !wants(CodeActionKind.QuickFix) ? `${CodeActionKind.SourceFixAll}.osai` : CodeActionKind.QuickFix;
      actions.push(editAction(`${ADD_ALL_TITLE} (${missing.length})`, uri, edits, { kind, diagnostics: missing }));
    }
  }
  return actions;
}
