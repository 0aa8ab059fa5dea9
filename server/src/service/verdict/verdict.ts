/** The verdict at the top of the file: meets the OSAID 1.0 manifest checks, or what is left. */
import { CodeLens, Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { Codes } from '../diagnostics/codes';

export const SHOW_PROBLEMS_COMMAND = 'workbench.actions.view.problems';

export interface Verdict {
  meets: boolean;
  errors: number;
  placeholders: number;
  title: string;
}

export function verdict(diagnostics: readonly Diagnostic[]): Verdict {
  const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).length;
  const placeholders = diagnostics.filter((d) => d.code === Codes.empty).length;
  const meets = errors === 0;
  let title: string;
  if (meets && placeholders === 0) title = '✓ Meets the OSAID 1.0 manifest checks';
  else if (meets) title = `✓ Meets the OSAID 1.0 manifest checks · ${placeholders} placeholder${placeholders === 1 ? '' : 's'} still to fill in`;
  else title = `✗ ${errors} unmet OSAID 1.0 requirement${errors === 1 ? '' : 's'}${placeholders ? ` · ${placeholders} placeholder${placeholders === 1 ? '' : 's'}` : ''}`;
  return { meets, errors, placeholders, title };
}

/** The lens on the first line that shows a document's verdict; clicking it opens the Problems view. */
export function verdictLens(title: string): CodeLens {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    command: { title, command: SHOW_PROBLEMS_COMMAND },
  };
}
