/**
 * The OSAID 1.0 view of an SPDX 3 AI-BOM, judged with the same license tests and the same
 * verdict rule as a manifest. The weights are the model's (`ai_AIPackage`) declared and
 * concluded licenses (the `open` test); code is every `software_Package` whose purpose is code
 * (the `osi` test); the training data listing is the `dataset_DatasetPackage`s and what the
 * model is `trainedOn`. Every license a package is given is judged; each must pass.
 *
 * An SPDX document does not say which code is the training code and which the inference code,
 * nor describe the data item by item: those items read "not stated" (never an error) — except
 * in a document written by `osai-check --format spdx3`, whose spdxIds end in the component's
 * place in the release (`…/code.training`): there each item is read from its packages, and a
 * required item no package answers is missing, as in the manifest it came from, unless the
 * export's checklist annotations say its source did not state it. The export's verdict itself
 * is never read.
 */
import { Diagnostic, DiagnosticSeverity } from 'vscode-languageserver-types';
import { bomChecklist } from '../../bomview/checklist';
import { bomLicenseDiagnostics } from '../../bomview/licenseDiagnostics';
import { BomView, ITEM_IDS, judgePart, JudgedPart, viewPerParse } from '../../bomview/view';
import type { BomWording } from '../../bomview/wording';
import type { Checklist } from '../../checklist/model';
import type { LicenseTest } from '../../licenses';
import { shorten } from '../../text/text';
import { formatPath } from '../../yaml/nodes';
import { diagnostic } from '../../yaml/spans';
import type { ParsedDocument } from '../format';
import { Spdx3Codes } from './codes';
import { AI_PACKAGE, DATASET_PACKAGE, readGraph, Spdx3Graph, Spdx3Package } from './read';

/** Purposes (software_SoftwarePurpose) of packages that are not code: not judged by the OSI test. */
const NOT_CODE: ReadonlySet<string> = new Set([
  'documentation',
  'data',
  'model',
  'evidence',
  'specification',
  'requirement',
  'bom',
  'manifest',
]);

export type JudgedPackage = JudgedPart<Spdx3Package>;

export interface Spdx3View extends BomView<Spdx3Package> {
  graph: Spdx3Graph;
}

const WORDING: BomWording = {
  unlicensed: Spdx3Codes.unlicensed,
  part: 'package',
  self: 'document',
  noLicense: 'no `hasDeclaredLicense` relationship',
  noTrainingData: 'No `dataset_DatasetPackage` and no `trainedOn` relationship: the document lists no training data.',
  descriptionNote:
    'An SPDX document describes data only in free text (`description`, `dataset_*` properties): ' +
    'state it item by item in an osai.yaml beside the document.',
  sourceChecklist: 'OSAID annotations',
};

/** `code.supporting_libraries.1` → `code.supporting_libraries`; `data_information` → its license item. */
function itemOfKey(key: string): string | undefined {
  const id = key.replace(/\.\d+$/, '');
  if (id === 'data_information') return 'data_information.license';
  return ITEM_IDS.includes(id) ? id : undefined;
}

/** Which test a package's licenses take, and the item it answers; undefined when the view does not judge it. */
function roleOf(p: Spdx3Package): { test: LicenseTest; item?: string } | undefined {
  // Datasets are listed, not judged: OSAID accepts training data that cannot be shared.
  if (p.type === DATASET_PACKAGE) return undefined;
  if (p.osaiKey) {
    const item = itemOfKey(p.osaiItem ?? p.osaiKey);
    if (item === 'data_information.license') return { test: 'open', item };
    if (p.purpose === 'documentation') return undefined;
    return { test: p.purpose === 'source' || p.purpose === 'library' ? 'osi' : 'open', item };
  }
  // Other models are not the release's weights; only code is judged.
  if (p.type === AI_PACKAGE || (p.purpose !== undefined && NOT_CODE.has(p.purpose))) return undefined;
  return { test: 'osi' };
}

export const spdx3View = viewPerParse((parsed: ParsedDocument, extraOpen): Spdx3View => {
  const graph = readGraph(parsed);
  const placed = [graph.model, ...graph.packages].some((p) => p?.osaiKey !== undefined);
  const judged: JudgedPackage[] = [];
  if (graph.model) judged.push(judgePart(graph.model, 'open', 'parameters.weights', extraOpen));
  for (const p of graph.packages) {
    const role = roleOf(p);
    if (role) judged.push(judgePart(p, role.test, role.item, extraOpen));
  }
  const listed = graph.packages.filter((p) => p.type === DATASET_PACKAGE);
  const datasets = [
    ...listed.map((p) => ({ label: p.name || p.spdxId || 'a dataset', node: p.anchor })),
    // What the model is trained on that is not a dataset package of the graph: named by its id.
    ...graph.trainedOn
      .filter((r) => !listed.some((p) => p.spdxId === r.id))
      .map((r) => {
        const pkg = graph.packages.find((p) => p.spdxId === r.id);
        return { label: pkg?.name || r.id, node: pkg?.anchor ?? r.node };
      }),
  ];
  return { graph, model: graph.model, judged, placed, datasets, notStatedAtSource: graph.notStatedAtSource };
});

/**
 * A finding for each relationship end that names no element, then the license findings of the view (once per license
 * element, which packages may share) and one for each judged package that has none.
 */
export function osaidDiagnostics(parsed: ParsedDocument, treatAsOpen: readonly string[]): Diagnostic[] {
  const view = spdx3View(parsed, treatAsOpen);
  const out: Diagnostic[] = [];
  for (const end of view.graph.dangling) {
    const range = end.node.range;
    if (!range) continue;
    const quoted = /^["']/.test(parsed.text[range[0]] ?? '') ? 1 : 0;
    out.push(
      diagnostic(
        parsed.document,
        range[0] + quoted,
        range[1] - quoted,
        DiagnosticSeverity.Error,
        Spdx3Codes.unknownElement,
        `\`${shorten(end.id)}\` names no element of the document's \`@graph\` (nor one it imports).`,
        { path: formatPath(end.path) },
      ),
    );
  }
  return [...out, ...bomLicenseDiagnostics(parsed, view, treatAsOpen, WORDING)];
}

export function spdx3Checklist(parsed: ParsedDocument, diagnostics: readonly Diagnostic[]): Checklist {
  return bomChecklist(parsed, spdx3View(parsed), diagnostics, WORDING);
}
