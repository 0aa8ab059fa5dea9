/** The checklist object every format sends: its groups and the one verdict rule over them and the diagnostics. */
import type { Diagnostic } from 'vscode-languageserver-types';
import type { Checklist, ChecklistGroup } from '../../protocol';
import type { ParsedYamlDocument } from '../yaml/parse';
import { checklistVerdict } from './verdict';

export function checklistOf(
  parsed: ParsedYamlDocument & { format: { id: string; label: string } },
  groups: ChecklistGroup[],
  diagnostics: readonly Diagnostic[],
): Checklist {
  return {
    uri: parsed.document.uri,
    kind: parsed.format.id,
    kindLabel: parsed.format.label,
    verdict: checklistVerdict(groups, diagnostics),
    groups,
  };
}
