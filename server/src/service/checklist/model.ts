/**
 * The OSAID checklist model, shared by every format: the three groups OSAID 1.0 requires
 * (data information, code, parameters), each requirement met, missing, not open or still a
 * placeholder. The types are the protocol's (the client shows them as they come).
 */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import type { Checklist, ChecklistGroupId, ChecklistRange, ChecklistStatus } from '../../protocol';
import { Codes } from '../diagnostics/codes';

export type {
  Checklist,
  ChecklistClassification,
  ChecklistGroup,
  ChecklistGroupId,
  ChecklistItem,
  ChecklistRange,
  ChecklistStatus,
  ChecklistVerdict,
} from '../../protocol';
export { STATUS_WORDS } from '../../protocol';

export const CHECKLIST_GROUPS: ReadonlyArray<{ id: ChecklistGroupId; title: string }> = [
  { id: 'data_information', title: 'Data information' },
  { id: 'code', title: 'Code' },
  { id: 'parameters', title: 'Parameters' },
];

export const ZERO_RANGE: ChecklistRange = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * A requirement's status from its own diagnostics (and a diagnostic saying a section that
 * contains it is missing): missing beats not open beats invalid beats placeholder. For a
 * required item only errors count — a warning (an unknown key, a non-canonical spelling) never
 * leaves it unmet; a recommended item, whose findings are warnings, reads them all.
 */
export function statusFromDiagnostics(
  own: readonly Diagnostic[],
  ancestorMissing: boolean,
  level: 'required' | 'recommended' = 'required',
): ChecklistStatus {
  const findings = own.filter(
    (d) =>
      d.severity === DiagnosticSeverity.Error || (level !== 'required' && d.severity === DiagnosticSeverity.Warning),
  );
  // An entry without its license (a paper whose terms are unknown) is there, but cannot count as open.
  const licenseMissing = (d: Diagnostic) =>
    d.code === Codes.missing && /\.license$/.test((d.data as { path?: string } | undefined)?.path ?? '');
  // A location that names nothing in the release: the component is not there.
  if (
    ancestorMissing ||
    findings.some(
      (d) =>
        (d.code === Codes.missing && !(level !== 'required' && licenseMissing(d))) || d.code === Codes.locationNotFound,
    )
  )
    return 'missing';
  if (
    findings.some(
      (d) => String(d.code).startsWith('license/') || d.code === Codes.evidenceMismatch || licenseMissing(d),
    )
  )
    return 'not-open';
  if (findings.some((d) => d.code !== Codes.empty)) return 'invalid';
  if (own.some((d) => d.code === Codes.empty)) return 'placeholder';
  if (own.some((d) => d.code === Codes.recommended)) return 'recommended';
  return 'met';
}

/**
 * A format's checklist builder, computed once per parse and diagnostics array: the lens, the
 * summary and the checklist request of one document version share one computation.
 */
export function checklistPerAnalysis<P extends object>(
  build: (parsed: P, diagnostics: readonly Diagnostic[]) => Checklist,
): (parsed: P, diagnostics: readonly Diagnostic[]) => Checklist {
  const cache = new WeakMap<readonly Diagnostic[], { parsed: P; checklist: Checklist }>();
  return (parsed, diagnostics) => {
    const cached = cache.get(diagnostics);
    if (cached?.parsed === parsed) return cached.checklist;
    const checklist = build(parsed, diagnostics);
    cache.set(diagnostics, { parsed, checklist });
    return checklist;
  };
}
