/**
 * The verdict of a document, from its checklist and its diagnostics. One rule for every place
 * that states it — the code lens, the status bar, the tree view, the command line (its exit
 * code too) and the report: a required requirement is met only by a real value that passes its
 * test. A placeholder, an empty value, a family name with a member that fails, an unknown
 * license: each leaves its requirement unmet. Every error diagnostic fails the verdict too, so
 * an error and a green verdict are never shown together; warnings never fail it.
 */
import { CodeLens, Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { ChecklistGroup, ChecklistStatus, ChecklistVerdict, VerdictState } from '../../protocol';
import { Codes } from '../diagnostics/codes';

export const SHOW_PROBLEMS_COMMAND = 'workbench.actions.view.problems';

/** The statuses that leave a required item unmet. */
export const UNMET_STATUSES: ReadonlySet<ChecklistStatus> = new Set(['missing', 'not-open', 'invalid', 'placeholder']);

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** "15 are placeholders", "1 is a placeholder". */
function placeholderPart(n: number): string {
  return n === 1 ? '1 is a placeholder' : `${n} are placeholders`;
}

export function checklistVerdict(
  groups: readonly ChecklistGroup[],
  diagnostics: readonly Diagnostic[],
): ChecklistVerdict {
  const items = groups.flatMap((g) => g.items);
  const required = items.filter((i) => i.level === 'required');
  const unmet = required.filter((i) => UNMET_STATUSES.has(i.status)).length;
  const placeholders = required.filter((i) => i.status === 'placeholder').length;
  const notStated = required.filter((i) => i.status === 'not-stated').length;
  const recommendedPlaceholders = items.filter((i) => i.level !== 'required' && i.status === 'placeholder').length;
  const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).length;
  const syntaxErrors = diagnostics.filter(
    (d) => d.severity === DiagnosticSeverity.Error && d.code === Codes.yamlSyntax,
  ).length;
  const state: VerdictState =
    syntaxErrors > 0 || unmet > 0 || errors > 0 ? 'fails' : notStated > 0 ? 'incomplete' : 'meets';
  const unstated = notStated ? ` · ${notStated} not stated` : '';
  let title: string;
  if (syntaxErrors > 0)
    title = `✗ ${plural(syntaxErrors, 'YAML syntax error')}: fix the YAML first, then the requirements can be checked`;
  else if (unmet > 0)
    title =
      `✗ ${plural(unmet, 'unmet OSAID 1.0 requirement')}` +
      `${placeholders ? ` · ${placeholderPart(placeholders)}` : ''}${unstated}`;
  // Errors that belong to no requirement (a missing producer, a malformed date, metadata the Hub rejects) still fail.
  else if (errors > 0)
    title =
      `✗ ${plural(errors, 'error')} to fix · no unmet OSAID 1.0 requirement` +
      `${notStated ? ' in what it states' : ''}${unstated}`;
  // A document that cannot show everything (a model card): nothing it states fails, but it is no verdict.
  else if (notStated > 0) title = `○ No unmet OSAID 1.0 requirement in what it states${unstated}`;
  else {
    const items = recommendedPlaceholders === 1 ? 'item is a placeholder' : 'items are placeholders';
    const placeholderNote = recommendedPlaceholders ? ` · ${recommendedPlaceholders} recommended ${items}` : '';
    title = `✓ Meets the OSAID 1.0 checks${placeholderNote}`;
  }
  return { meets: state === 'meets', state, title, unmet, placeholders, notStated, errors, syntaxErrors };
}

/** The lens on the first line that shows a title; clicking it opens the Problems view. */
export function verdictLens(title: string): CodeLens {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    command: { title, command: SHOW_PROBLEMS_COMMAND },
  };
}
