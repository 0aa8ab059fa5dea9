/**
 * The OSAID checklist of a document: the three groups OSAID 1.0 requires (data information,
 * code, parameters), each requirement met, missing, not open or still a placeholder. One
 * source for the VS Code tree view, the status bar and the shareable report; computed from
 * the same diagnostics the editor shows, never re-validated elsewhere.
 */
import { Diagnostic, DiagnosticSeverity, Range } from 'vscode-languageserver-types';
import { Node } from 'yaml';
import { verdict } from '../verdict/verdict';
import { Codes, DiagnosticData } from '../diagnostics/codes';
import { evaluateMofClass, MofClassResult, OSAID_BY_COMPONENT } from './mof';
import { ParsedManifest } from '../yaml/parse';
import { ChecklistStatus } from '../checklist/status';
import { childrenOf, Requirement, requirementFor } from '../osaid/requirements';
import { markdownDoc } from './manifest/schema';
import { locate, parsePath } from '../yaml/nodes';

export type { ChecklistStatus } from '../checklist/status';
export type ChecklistGroupId = 'data_information' | 'code' | 'parameters';


export interface ChecklistItem {
  /** The requirement id (its manifest path), e.g. `code.training`. */
  id: string;
  title: string;
  level: 'required' | 'recommended';
  status: ChecklistStatus;
  /** Why it has that status: the first diagnostic's message, or what satisfies it. */
  detail: string;
  /** Where to reveal it in the document. */
  range: Range;
  /** What OSAID asks for here and why (Markdown). */
  explanation: string;
}

export interface ChecklistGroup {
  id: ChecklistGroupId;
  title: string;
  items: ChecklistItem[];
}

export interface Checklist {
  uri: string;
  kind: 'osai' | 'mof';
  verdict: { meets: boolean; title: string; errors: number; placeholders: number };
  groups: ChecklistGroup[];
  /** For MOF model files: the class and per-class progress. */
  mof?: { class: MofClassResult['class']; title: string; progress: MofClassResult['progress'] };
}

const GROUPS: ReadonlyArray<{ id: ChecklistGroupId; title: string }> = [
  { id: 'data_information', title: 'Data information' },
  { id: 'code', title: 'Code' },
  { id: 'parameters', title: 'Parameters' },
];

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** The checklist, or undefined for documents that are neither manifests nor MOF files. */
export function getChecklist(parsed: ParsedManifest, diagnostics: readonly Diagnostic[]): Checklist | undefined {
  if (parsed.kind === 'osai') return manifestChecklist(parsed, diagnostics);
  if (parsed.kind === 'mof') return mofChecklist(parsed, diagnostics);
  return undefined;
}

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

function manifestChecklist(parsed: ParsedManifest, diagnostics: readonly Diagnostic[]): Checklist {
  const root = parsed.yaml?.contents as Node | null | undefined;
  const groups = GROUPS.map(({ id, title }) => ({
    id, title,
    items: checklistRequirements(id).map((req): ChecklistItem => {
      const own = diagnostics.filter((d) => { const p = pathOf(d); return p !== undefined && concerns(req.path, p); });
      // A missing ancestor (the whole section) leaves this requirement missing too.
      const ancestor = diagnostics.find((d) => d.code === Codes.missing && pathOf(d) !== undefined && req.path.startsWith(`${pathOf(d)}.`));
      const status = statusOf(own, ancestor);
      const first = ancestor ?? own.find((d) => d.severity === DiagnosticSeverity.Error) ?? own[0];
      const node = locate(root, parsePath(req.path));
      const keyRange = (node?.pair?.key as Node | undefined)?.range;
      const range = keyRange
        ? { start: parsed.document.positionAt(keyRange[0]), end: parsed.document.positionAt(keyRange[1]) }
        : first?.range ?? ZERO;
      return {
        id: req.path, title: req.title, level: req.level === 'required' ? 'required' : 'recommended', status,
        detail: status === 'met' ? req.summary : first?.message ?? req.summary,
        range, explanation: markdownDoc(req),
      };
    }),
  }));
  return { uri: parsed.document.uri, kind: 'osai', verdict: verdictOf(diagnostics), groups };
}

function statusOf(own: readonly Diagnostic[], ancestor: Diagnostic | undefined): ChecklistStatus {
  if (ancestor || own.some((d) => d.code === Codes.missing)) return 'missing';
  const errors = own.filter((d) => d.severity === DiagnosticSeverity.Error);
  if (errors.some((d) => String(d.code).startsWith('license/'))) return 'not-open';
  if (errors.length > 0) return 'invalid';
  if (own.some((d) => d.code === Codes.empty)) return 'placeholder';
  if (own.some((d) => d.code === Codes.recommended)) return 'recommended';
  return 'met';
}

function verdictOf(diagnostics: readonly Diagnostic[]): Checklist['verdict'] {
  const v = verdict(diagnostics);
  return { meets: v.meets, title: v.title, errors: v.errors, placeholders: v.placeholders };
}

/** MOF files: each OSAID requirement from the components that satisfy it. */
function mofChecklist(parsed: ParsedManifest, diagnostics: readonly Diagnostic[]): Checklist {
  const result = evaluateMofClass(parsed);
  const components = result?.components ?? [];
  const document = parsed.document;
  const rangeOf = (node: Node | undefined): Range | undefined =>
    node?.range ? { start: document.positionAt(node.range[0]), end: document.positionAt(node.range[1]) } : undefined;
  const item = (id: string, title: string, names: readonly string[], level: ChecklistItem['level']): ChecklistItem => {
    const found = components.filter((c) => names.includes(c.component.name));
    const open = found.filter((c) => c.status === 'included');
    const missingDiagnostic = diagnostics.find((d) => d.code === Codes.missing && (d.data as { requirement?: string } | undefined)?.requirement === id);
    const req = requirementFor(id);
    let status: ChecklistStatus;
    let detail: string;
    if (open.length > 0) {
      status = 'met';
      detail = `${open.map((c) => c.component.name).join(', ')} under ${open[0].resolved.license ?? 'an open license'}`;
    } else if (found.length > 0) {
      status = 'not-open';
      detail = `${found.map((c) => c.component.name).join(', ')}: ${found[0].status === 'unlicensed' ? 'no license applies' : `\`${found[0].resolved.license}\` is not open`}`;
    } else {
      status = level === 'required' ? 'missing' : 'recommended';
      detail = missingDiagnostic?.message ?? `No ${names.join(' / ')} component in the file.`;
    }
    const range = rangeOf(found[0]?.entry.nameNode) ?? missingDiagnostic?.range ?? ZERO;
    return { id, title, level, status, detail, range, explanation: req ? markdownDoc(req) : OSAID_BY_COMPONENT[names[0]]?.note ?? '' };
  };
  const byRequirement = (requirement: string): string[] =>
    Object.entries(OSAID_BY_COMPONENT).filter(([, m]) => m.requirement === requirement).map(([name]) => name);
  const groups: ChecklistGroup[] = [
    { id: 'data_information', title: 'Data information', items: [
      item('data_information', 'Data information (data card, datasets, technical report or research paper)', ['Data card', 'Datasets', 'Technical report', 'Research paper'], 'required'),
    ] },
    { id: 'code', title: 'Code', items: ['code.data_processing', 'code.training', 'code.evaluation', 'code.inference', 'code.architecture', 'code.supporting_libraries']
      .map((id) => item(id, requirementFor(id)?.title ?? id, byRequirement(id), 'required')) },
    { id: 'parameters', title: 'Parameters', items: [
      item('parameters.weights', 'Model weights', byRequirement('parameters.weights'), 'required'),
      item('parameters.checkpoints', 'Intermediate checkpoints', byRequirement('parameters.checkpoints'), 'recommended'),
    ] },
  ];
  const unmet = groups.flatMap((g) => g.items).filter((i) => i.level === 'required' && i.status !== 'met').length;
  const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).length;
  return {
    uri: document.uri, kind: 'mof',
    verdict: { meets: unmet === 0, title: unmet === 0 ? '✓ Shows everything OSAID 1.0 requires' : `✗ ${unmet} OSAID 1.0 requirement${unmet === 1 ? '' : 's'} not shown`, errors, placeholders: 0 },
    groups,
    mof: result ? { class: result.class, title: result.title, progress: result.progress } : undefined,
  };
}
