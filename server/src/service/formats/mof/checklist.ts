/** The OSAID checklist of a MOF model file: each requirement from the components that satisfy it. */
import { Diagnostic, Range } from 'vscode-languageserver-types';
import { checklistVerdict } from '../../verdict/verdict';
import { Node } from 'yaml';
import { Checklist, checklistPerAnalysis, ChecklistGroup, ChecklistItem, ChecklistStatus, ZERO_RANGE } from '../../checklist/model';
import { Codes } from '../../diagnostics/codes';
import { markdownDoc } from '../../osaid/docs';
import { codeSpan, shorten } from '../../text/text';
import { requirementFor } from '../../osaid/requirements';
import type { ParsedDocument } from '../format';
import { evaluateMofClass } from './evaluate';
import { OSAID_BY_COMPONENT } from './osaid';
import { classTitle, MofClass } from './tables';

const MOF_URL = 'https://arxiv.org/abs/2403.13784';

export const mofChecklist = checklistPerAnalysis(buildMofChecklist);

function buildMofChecklist(parsed: ParsedDocument, diagnostics: readonly Diagnostic[]): Checklist {
  const result = evaluateMofClass(parsed);
  const components = result.components;
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
      detail = `${open.map((c) => c.component.name).join(', ')} under ${shorten(open[0].resolved.license ?? 'an open license')}`;
    } else if (found.length > 0) {
      status = 'not-open';
      detail = `${found.map((c) => c.component.name).join(', ')}: ${found[0].status === 'unlicensed' ? 'no license applies' : `${codeSpan(String(found[0].resolved.license))} is not open`}`;
    } else {
      status = level === 'required' ? 'missing' : 'recommended';
      detail = missingDiagnostic?.message ?? `No ${names.join(' / ')} component in the file.`;
    }
    const range = rangeOf(found[0]?.entry.nameNode) ?? missingDiagnostic?.range ?? ZERO_RANGE;
    // The manifest example is left out: it shows the manifest's syntax, not the MOF component.
    const explanation = req ? markdownDoc(req, { example: false }) : OSAID_BY_COMPONENT[names[0]]?.note ?? '';
    return { id, title, level, status, detail, range, explanation };
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
  return {
    uri: document.uri, kind: parsed.format.id, kindLabel: parsed.format.label,
    verdict: checklistVerdict(groups, diagnostics),
    groups,
    classification: {
      scheme: { name: 'Model Openness Framework', url: MOF_URL },
      reached: result.reached,
      summary: result.summary,
      title: result.title,
      levels: ([3, 2, 1] as MofClass[]).map((c) => ({ title: classTitle(c), percent: result.progress[c] })),
    },
  };
}
