/** Quick fixes for MOF model files: renames, canonical license ids, and adding components. */
import { CodeAction, CodeActionKind } from 'vscode-languageserver-types';
import { admits, editAction, replacementActions } from '../../edits/actions';
import { Codes, DIAGNOSTIC_SOURCE } from '../../diagnostics/codes';
import type { CodeActionRequest, ParsedDocument } from '../format';
import { MofDiagnosticData } from './diagnostics';
import { evaluateMofClass } from './evaluate';
import { addComponentEdits } from './insertComponents';
import { MofCodes } from './licenseCheck';
import { CLASS_ROMAN, MofClass } from './tables';
import { hasSyntaxErrors } from '../../yaml/parse';

/** Title prefix of the action adding every component missing for Class I. */
export const ADD_ALL_CLASS_I_TITLE = 'Add all components missing for MOF Class I';
export const ADD_OSAID_COMPONENTS_TITLE = 'Add all components OSAID requires';

/**
 * `diagnostics`: those the client sent for the range; `all`: the document's current
 * diagnostics. The class-level actions are offered whenever the range has one of our
 * diagnostics (use `mofClassActions` to get them unconditionally). Every action is a quick
 * fix, so a client asking `only` for other kinds gets none.
 */
export function mofCodeActions(parsed: ParsedDocument, { diagnostics, all, only }: CodeActionRequest): CodeAction[] {
  if (!admits(only, CodeActionKind.QuickFix)) return [];
  const uri = parsed.document.uri;
  const actions: CodeAction[] = [];
  const ours = diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE);
  // Broken YAML may hide a key that is in the text: inserting it would write it twice.
  const mayInsert = !hasSyntaxErrors(parsed);
  for (const d of ours) {
    const data = d.data as MofDiagnosticData | undefined;
    if (!data) continue;
    const rename = d.code === MofCodes.unknownComponent || d.code === Codes.schemaUnknownKey;
    actions.push(...replacementActions(uri, d, data.replacements ?? [], rename ? 'Rename' : 'Change'));
    if (d.code === Codes.missing && data.component && mayInsert) {
      const edits = addComponentEdits(parsed, [data.component]);
      if (edits.length > 0)
        actions.push(
          editAction(`Add the MOF component \`${data.component}\``, uri, edits, { diagnostics: [d], preferred: true }),
        );
    }
  }
  if (ours.length === 0 || !mayInsert) return actions;
  const osaidMissing = all.filter(
    (d) =>
      d.source === DIAGNOSTIC_SOURCE &&
      d.code === Codes.missing &&
      (d.data as MofDiagnosticData | undefined)?.component,
  );
  if (osaidMissing.length > 1 && ours.some((d) => d.code === Codes.missing)) {
    const names = [...new Set(osaidMissing.map((d) => (d.data as MofDiagnosticData).component!))];
    const edits = addComponentEdits(parsed, names);
    if (edits.length > 0)
      actions.push(
        editAction(`${ADD_OSAID_COMPONENTS_TITLE} (${names.length})`, uri, edits, { diagnostics: osaidMissing }),
      );
  }
  actions.push(...mofClassActions(parsed));
  return actions;
}

/**
 * For a file claimed but not checked (a near miss of `framework.name`): only the
 * replacements its diagnostics carry — the exact name — and no class-level actions.
 */
export function mofNotCheckedActions(parsed: ParsedDocument, { diagnostics, only }: CodeActionRequest): CodeAction[] {
  if (!admits(only, CodeActionKind.QuickFix)) return [];
  return diagnostics
    .filter((d) => d.source === DIAGNOSTIC_SOURCE)
    .flatMap((d) =>
      replacementActions(
        parsed.document.uri,
        d,
        (d.data as MofDiagnosticData | undefined)?.replacements ?? [],
        'Change',
      ),
    );
}

/**
 * "Add the N components missing for MOF Class X" (the next class) and "Add all components
 * missing for MOF Class I": new list items at the end of `release.components`, each with
 * MOT's standard description. Components that are present but not open are not touched.
 */
export function mofClassActions(parsed: ParsedDocument): CodeAction[] {
  if (hasSyntaxErrors(parsed)) return []; // the parse may hide components that are in the text
  const result = evaluateMofClass(parsed);
  if (result.class === 1) return [];
  const uri = parsed.document.uri;
  const next = (result.class === null ? 3 : result.class - 1) as MofClass;
  const actions: CodeAction[] = [];
  const nextNames = result.absent[next];
  if (nextNames.length > 0 && next !== 1) {
    const edits = addComponentEdits(parsed, nextNames);
    if (edits.length > 0) {
      actions.push(
        editAction(`Add the ${count(nextNames.length)} missing for MOF Class ${CLASS_ROMAN[next]}`, uri, edits),
      );
    }
  }
  const allNames = result.absent[1];
  if (allNames.length > 0 && (next === 1 || allNames.length > nextNames.length)) {
    const edits = addComponentEdits(parsed, allNames);
    if (edits.length > 0) {
      actions.push(editAction(`${ADD_ALL_CLASS_I_TITLE} (${allNames.length})`, uri, edits));
    }
  }
  return actions;
}

function count(n: number): string {
  return n === 1 ? '1 component' : `${n} components`;
}
