/**
 * The verdict of a document, from its checklist: how many OSAID requirements are not met.
 * One model for every place that states it — the code lens, the status bar, the tree view,
 * the command line and the report — so they always give the same count. Unknown keys and
 * other schema errors are reported as diagnostics but are not unmet requirements; a file
 * whose YAML does not parse says so instead of a count.
 */
import { CodeLens, Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { ChecklistGroup, ChecklistStatus, ChecklistVerdict } from '../../protocol';
import { Codes } from '../diagnostics/codes';

export const SHOW_PROBLEMS_COMMAND = 'workbench.actions.view.problems';

/** The statuses that leave a required item unmet (a placeholder is there, but still to fill in). */
const UNMET: ReadonlySet<ChecklistStatus> = new Set(['missing', 'not-open', 'invalid']);

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function checklistVerdict(groups: readonly ChecklistGroup[], diagnostics: readonly Diagnostic[]): ChecklistVerdict {
  const items = groups.flatMap((g) => g.items);
  const unmet = items.filter((i) => i.level === 'required' && UNMET.has(i.status)).length;
  const placeholders = items.filter((i) => i.status === 'placeholder').length;
  const notStated = items.filter((i) => i.level === 'required' && i.status === 'not-stated').length;
  const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
  const syntaxErrors = errors.filter((d) => d.code === Codes.yamlSyntax).length;
  const meets = unmet === 0 && syntaxErrors === 0 && notStated === 0;
  const still = placeholders ? ` · ${plural(placeholders, 'placeholder')}${meets ? ' still to fill in' : ''}` : '';
  const unstated = notStated ? ` · ${notStated} not stated` : '';
  let title: string;
  if (syntaxErrors > 0) title = `✗ ${plural(syntaxErrors, 'YAML syntax error')}: fix the YAML first, then the requirements can be checked`;
  else if (unmet > 0) title = `✗ ${unmet} unmet OSAID 1.0 requirement${unmet === 1 ? '' : 's'}${unstated}${still}`;
  // A document that cannot show everything (a model card): nothing it states fails, but it is no verdict.
  else if (notStated > 0) title = `○ No unmet OSAID 1.0 requirement in what it states · ${notStated} not stated${still}`;
  else title = `✓ Meets the OSAID 1.0 checks${still}`;
  return { meets, title, unmet, placeholders, notStated, errors: errors.length, syntaxErrors };
}

/** The lens on the first line that shows a title; clicking it opens the Problems view. */
export function verdictLens(title: string): CodeLens {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    command: { title, command: SHOW_PROBLEMS_COMMAND },
  };
}
