/** Code actions from edits: one builder for every format's quick fixes. */
import { CodeAction, CodeActionKind, Diagnostic, TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { codeSpan } from '../text/text';

/** Whether the client's `only` filter admits `kind` (LSP: a kind admits its sub-kinds). */
export function admits(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** An action applying `edits` to the document `uri`. */
export function editAction(
  title: string,
  uri: string,
  edits: TextEdit[],
  options: { kind?: string; diagnostics?: Diagnostic[]; preferred?: boolean } = {},
): CodeAction {
  const action: CodeAction = { title, kind: options.kind ?? CodeActionKind.QuickFix };
  if (options.diagnostics) action.diagnostics = options.diagnostics;
  if (options.preferred !== undefined) action.isPreferred = options.preferred;
  action.edit = { changes: { [uri]: edits } };
  return action;
}

/**
 * One quick fix per replacement text of a diagnostic's range ("Rename to `x`" for keys and
 * names, "Change to `x`" for values); the only candidate is preferred.
 */
export function replacementActions(
  uri: string,
  diagnostic: Diagnostic,
  replacements: readonly string[],
  verb: 'Rename' | 'Change',
): CodeAction[] {
  return replacements.map((replacement) =>
    editAction(`${verb} to ${codeSpan(replacement)}`, uri, [TextEdit.replace(diagnostic.range, replacement)], {
      diagnostics: [diagnostic],
      preferred: replacements.length === 1,
    }),
  );
}

/**
 * Whether every edit of the action changes text within one line and writes no line break
 * (an action without edits, a command, qualifies). While the YAML has a syntax error only such
 * fixes are offered: the parse may hide a key that is in the text (inserting it would write a
 * duplicate) or stretch a node over the rest of the file (removing or replacing that node
 * would destroy what follows).
 */
export function editsWithinLines(action: CodeAction, document: TextDocument): boolean {
  const edits = action.edit?.changes?.[document.uri] ?? [];
  return (
    Object.keys(action.edit?.changes ?? {}).every((uri) => uri === document.uri) &&
    !action.edit?.documentChanges &&
    edits.every((e) => e.range.start.line === e.range.end.line && !/[\r\n]/.test(e.newText))
  );
}
