/** The OSAID checklist of a MOF model file: each requirement from the components that satisfy it. */
import { Diagnostic, Range } from 'vscode-languageserver-types';
import { checklistOf } from '../../verdict/checklist';
import { Node } from 'yaml';
import {
  Checklist,
  checklistPerAnalysis,
  ChecklistGroup,
  ChecklistItem,
  ChecklistStatus,
  ZERO_RANGE,
} from '../../checklist/model';
import { Codes } from '../../diagnostics/codes';
import { markdownDoc } from '../../osaid/docs';
import { codeSpan, shorten } from '../../text/text';
import { requirementFor } from '../../osaid/requirements';
import type { ParsedDocument } from '../format';
import { evaluateMofClass } from './evaluate';
import { OSAID_BY_COMPONENT } from './osaid';
import { osaidView, OsaidViewItem } from './osaidView';
import { classTitle, MofClass } from './tables';

const MOF_URL = 'https://arxiv.org/abs/2403.13784';

export const mofChecklist = checklistPerAnalysis(buildMofChecklist);

/**
 * What the checklist says of the data information a MOF file shows: a reading of the OSAID checklist, not a certainty.
 */
const DATA_INFORMATION_JUDGMENT =
  "OSI's checklist accepts any one of these components under open terms " +
  'as data information: released datasets, a research paper, a technical ' +
  'report or a data card, in that order of importance. Whether the one ' +
  'present describes the training data completely enough — provenance, ' +
  "scope, collection, labeling, processing — is a reviewer's judgment " +
  'that a MOF file cannot show; an osai.yaml can state it item by item.';

function buildMofChecklist(parsed: ParsedDocument, diagnostics: readonly Diagnostic[]): Checklist {
  const result = evaluateMofClass(parsed);
  const view = osaidView(parsed);
  const document = parsed.document;
  const rangeOf = (node: Node | undefined): Range | undefined =>
    node?.range ? { start: document.positionAt(node.range[0]), end: document.positionAt(node.range[1]) } : undefined;
  const itemOf = (viewItem: OsaidViewItem, title: string): ChecklistItem => {
    const { id, level, found } = viewItem;
    const passing = found.filter((f) => f.passes);
    const missingDiagnostic = diagnostics.find(
      (d) => d.code === Codes.missing && (d.data as { requirement?: string } | undefined)?.requirement === id,
    );
    const req = requirementFor(id);
    const what = viewItem.test === 'osi' ? 'not OSI-approved' : 'not open';
    let status: ChecklistStatus;
    let detail: string;
    if (passing.length > 0) {
      status = 'met';
      detail =
        `${passing.map((f) => f.evaluation.component.name).join(', ')} under ` +
        `${shorten(passing[0].evaluation.resolved.license ?? '')}`;
    } else if (found.length > 0) {
      const first = found[0].evaluation;
      status = 'not-open';
      const unlicensed = first.resolved.license === undefined || first.status === 'unlicensed';
      const verdict = unlicensed ? 'no license applies' : `${codeSpan(String(first.resolved.license))} is ${what}`;
      detail = `${found.map((f) => f.evaluation.component.name).join(', ')}: ${verdict}`;
    } else {
      status = level === 'required' ? 'missing' : 'recommended';
      detail = missingDiagnostic?.message ?? `No ${viewItem.candidates.join(' / ')} component in the file.`;
    }
    const range =
      rangeOf((passing[0] ?? found[0])?.evaluation.entry.nameNode) ?? missingDiagnostic?.range ?? ZERO_RANGE;
    // The manifest example is left out: it shows the manifest's syntax, not the MOF component.
    const doc = req ? markdownDoc(req, { example: false }) : (OSAID_BY_COMPONENT[viewItem.candidates[0]]?.note ?? '');
    const explanation = id === 'data_information' ? `${doc}\n\n${DATA_INFORMATION_JUDGMENT}` : doc;
    return { id, title, level, status, detail, range, explanation };
  };
  const item = (id: string, title?: string): ChecklistItem =>
    itemOf(
      view.items.find((i) => i.id === id)!,
      title ?? requirementFor(id)?.title ?? id,
    );
  const groups: ChecklistGroup[] = [
    {
      id: 'data_information',
      title: 'Data information',
      items: [item('data_information', 'Data information (data card, datasets, technical report or research paper)')],
    },
    {
      id: 'code',
      title: 'Code',
      items: [
        'code.data_processing',
        'code.training',
        'code.evaluation',
        'code.inference',
        'code.architecture',
        'code.supporting_libraries',
      ].map((id) => item(id)),
    },
    {
      id: 'parameters',
      title: 'Parameters',
      items: [item('parameters.weights', 'Model weights'), item('parameters.checkpoints', 'Intermediate checkpoints')],
    },
  ];
  return {
    ...checklistOf(parsed, groups, diagnostics),
    classification: {
      scheme: { name: 'Model Openness Framework', url: MOF_URL },
      reached: result.reached,
      summary: result.summary,
      title: result.title,
      levels: ([3, 2, 1] as MofClass[]).map((c) => ({ title: classTitle(c), percent: result.progress[c] })),
    },
  };
}
