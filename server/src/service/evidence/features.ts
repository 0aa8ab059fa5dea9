/**
 * What the evidence adds to the other features, for every format alike: the hover on a
 * location or a declared license (what the release's files show), the quick fix of a mismatch
 * (declare the license found), and the checklist line of each component (the evidence agrees,
 * disagrees, or there is none).
 */
import { CodeAction, CodeActionKind, Diagnostic, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Checklist, ChecklistEvidence, ChecklistItem } from '../../protocol';
import { Codes, DIAGNOSTIC_SOURCE, type DiagnosticData } from '../diagnostics/codes';
import { admits, editAction } from '../edits/actions';
import { codeSpan } from '../text/text';
import type { Evidence, TargetEvidence } from './collect';
import { compareEvidence, disagrees } from './compare';
import { evidenceSentence } from './diagnostics';
import { evidenceHoverMarkdown } from './hover';
import { shownUri } from './uris';

/** Whether a diagnostic is the evidence's (its quick fixes are made here, not by the format). */
export function isEvidenceDiagnostic(d: Diagnostic): boolean {
  return (
    d.source === DIAGNOSTIC_SOURCE &&
    typeof d.code === 'string' &&
    (d.code.startsWith('evidence/') || d.code.startsWith('location/'))
  );
}

/** The evidence item whose location or declared license holds `offset`. */
function evidenceAt(evidence: Evidence | undefined, offset: number): TargetEvidence | undefined {
  const inside = (span: [number, number] | undefined) => !!span && span[0] <= offset && offset <= span[1];
  return evidence?.items.find((item) => inside(item.target.location?.span) || inside(item.target.declared?.span));
}

/**
 * The format's hover, with what the release's files show below it when the position is on a component's location or
 * license.
 */
export function hoverWithEvidence(
  document: TextDocument,
  base: Hover | null,
  offset: number,
  evidence: Evidence | undefined,
  extraOpen: readonly string[],
): Hover | null {
  const item = evidenceAt(evidence, offset);
  if (!item || !evidence) return base;
  const section = evidenceHoverMarkdown(item, evidence.root, extraOpen);
  const before = base ? markdownOf(base.contents) : '';
  const span =
    item.target.location && offset >= item.target.location.span[0] && offset <= item.target.location.span[1]
      ? item.target.location.span
      : item.target.declared!.span;
  return {
    contents: { kind: 'markdown', value: before ? `${before}\n\n---\n\n${section}` : section },
    range: base?.range ?? { start: document.positionAt(span[0]), end: document.positionAt(span[1]) },
  };
}

function markdownOf(contents: Hover['contents']): string {
  if (typeof contents === 'string') return contents;
  if (Array.isArray(contents))
    return contents.map((c) => (typeof c === 'string' ? c : `\`\`\`${c.language}\n${c.value}\n\`\`\``)).join('\n\n');
  if ('kind' in contents) return (contents as MarkupContent).value;
  return `\`\`\`${contents.language}\n${contents.value}\n\`\`\``;
}

/** A mismatch's fixes: declare what was found (never preferred: the file may be the one that is wrong). */
export function evidenceCodeActions(
  uri: string,
  diagnostics: readonly Diagnostic[],
  only: readonly string[] | undefined,
): CodeAction[] {
  if (!admits(only, CodeActionKind.QuickFix)) return [];
  return diagnostics
    .filter((d) => d.code === Codes.evidenceMismatch)
    .flatMap((d) =>
      ((d.data as DiagnosticData | undefined)?.replacements ?? []).map((id) =>
        editAction(
          `Change to ${codeSpan(id)} (the license found in the release)`,
          uri,
          [TextEdit.replace(d.range, id)],
          { diagnostics: [d], preferred: false },
        ),
      ),
    );
}

/** How each state reads, worst first: a checklist item with several components shows its worst. */
const ORDER: ReadonlyArray<ChecklistEvidence['state']> = ['disagrees', 'not-found', 'outside-root', 'none', 'agrees'];

/** The checklist with each component's evidence on its item. */
export function checklistWithEvidence(
  checklist: Checklist,
  evidence: Evidence | undefined,
  extraOpen: readonly string[],
): Checklist {
  if (!evidence || evidence.items.length === 0) return checklist;
  const groups = checklist.groups.map((group) => ({
    ...group,
    items: group.items.map((item): ChecklistItem => {
      const mine = evidence.items.filter((e) => belongsTo(e, item.id));
      if (mine.length === 0) return item;
      const judged = mine
        .map((e) => judge(e, evidence.root, extraOpen))
        .sort((a, b) => ORDER.indexOf(a.state) - ORDER.indexOf(b.state));
      const worst = judged[0];
      const summary = judged.length > 1 ? `${worst.summary} (the worst of ${judged.length} components)` : worst.summary;
      return { ...item, evidence: { state: worst.state, summary } };
    }),
  }));
  return { ...checklist, groups };
}

/** Whether a component's evidence is about a checklist item (its requirement, or one inside or around it). */
export function belongsTo(item: { target: { requirement?: string } }, checklistId: string): boolean {
  const requirement = item.target.requirement?.replace(/\[\]$/, '');
  if (!requirement) return false;
  return (
    requirement === checklistId ||
    requirement.startsWith(`${checklistId}.`) ||
    checklistId.startsWith(`${requirement}.`)
  );
}

function judge(item: TargetEvidence, root: string, extraOpen: readonly string[]): ChecklistEvidence {
  const where = codeSpan(shownUri(item.resolved, root));
  switch (item.state) {
    case 'not-found':
      return { state: 'not-found', summary: `${where} does not exist` };
    case 'outside-root':
      return { state: 'outside-root', summary: `${where} is outside the repository` };
    case 'no-evidence':
      return { state: 'none', summary: `no license file for ${where}` };
    case 'found': {
      const comparisons = compareEvidence(item, extraOpen);
      const disagreeing = comparisons.find(disagrees);
      if (item.target.declared && disagreeing)
        return { state: 'disagrees', summary: evidenceSentence(disagreeing.found, disagreeing, root) };
      const first = comparisons[0];
      return first
        ? { state: item.target.declared ? 'agrees' : 'none', summary: evidenceSentence(first.found, first, root) }
        : { state: 'none', summary: `no license recognised for ${where}` };
    }
  }
}
