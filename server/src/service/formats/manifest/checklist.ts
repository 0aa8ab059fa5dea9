/**
 * The checklist of an OSAID manifest: each requirement of the three groups, with the status
 * its diagnostics give it. Computed from the diagnostics the editor shows, never re-validated.
 */
import { Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import { Node } from 'yaml';
import {
  Checklist,
  checklistPerAnalysis,
  CHECKLIST_GROUPS,
  ChecklistGroupId,
  ChecklistItem,
  statusFromDiagnostics,
  ZERO_RANGE,
} from '../../checklist/model';
import { Codes, DiagnosticData } from '../../diagnostics/codes';
import { markdownDoc } from '../../osaid/docs';
import { childrenOf, Requirement } from '../../osaid/requirements';
import { checklistOf } from '../../verdict/checklist';
import { locate, parsePath } from '../../yaml/nodes';
import type { ParsedDocument } from '../format';

/** The requirements a group's checklist shows: its children; the data description item by item. */
export function checklistRequirements(group: ChecklistGroupId): Requirement[] {
  return childrenOf(group)
    .flatMap((r) => (r.path === 'data_information.description' ? childrenOf(r.path) : [r]))
    .filter((r) => r.level !== 'optional');
}

function pathOf(d: Diagnostic): string | undefined {
  return (d.data as DiagnosticData | undefined)?.path;
}

function concerns(id: string, path: string): boolean {
  return path === id || path.startsWith(`${id}.`) || path.startsWith(`${id}[`);
}

export const manifestChecklist = checklistPerAnalysis(buildManifestChecklist);

function buildManifestChecklist(parsed: ParsedDocument, diagnostics: readonly Diagnostic[]): Checklist {
  const root = parsed.yaml?.contents as Node | null | undefined;
  const groups = CHECKLIST_GROUPS.map(({ id, title }) => ({
    id,
    title,
    items: checklistRequirements(id).map((req): ChecklistItem => {
      const own = diagnostics.filter((d) => {
        const p = pathOf(d);
        return p !== undefined && concerns(req.path, p);
      });
      // A missing ancestor (the whole section) leaves this requirement missing too.
      const ancestor = diagnostics.find(
        (d) =>
          d.code === Codes.missing &&
          d.severity !== DiagnosticSeverity.Information &&
          pathOf(d) !== undefined &&
          req.path.startsWith(`${pathOf(d)}.`),
      );
      const node = locate(root, parsePath(req.path));
      // Absent with nothing reported: a root that is not a mapping (its type error says why).
      const absent = !node && req.level === 'required' && !req.when;
      const level = req.level === 'required' ? 'required' : 'recommended';
      const status = statusFromDiagnostics(own, ancestor !== undefined || absent, level);
      const first = ancestor ?? own.find((d) => d.severity === DiagnosticSeverity.Error) ?? own[0];
      const keyRange = (node?.pair?.key as Node | undefined)?.range;
      const range: Range = keyRange
        ? { start: parsed.document.positionAt(keyRange[0]), end: parsed.document.positionAt(keyRange[1]) }
        : (first?.range ?? ZERO_RANGE);
      return {
        id: req.path,
        title: req.title,
        level,
        status,
        detail: status === 'met' ? req.summary : (first?.message ?? req.summary),
        range,
        explanation: markdownDoc(req),
      };
    }),
  }));
  return checklistOf(parsed, groups, diagnostics);
}
