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
import { Checklist, CHECKLIST_GROUPS, ChecklistItem, ChecklistStatus, ZERO_RANGE } from '../../checklist/model';
import { Codes } from '../../diagnostics/codes';
import { checkLicense, type LicenseTest } from '../../licenses';
import { markdownDoc } from '../../osaid/docs';
import { childrenOf, requirementFor } from '../../osaid/requirements';
import { formatPath } from '../../yaml/nodes';
import { diagnostic } from '../../yaml/spans';
import { shorten } from '../../text/text';
import { checklistVerdict } from '../../verdict/verdict';
import type { ParsedDocument } from '../format';
import { Spdx3Codes } from './codes';
import { AI_PACKAGE, DATASET_PACKAGE, readGraph, Spdx3Graph, Spdx3Package } from './read';

/** The items of the checklist, as a model card's: every required and recommended one but the data documentation. */
export const ITEM_IDS: readonly string[] = CHECKLIST_GROUPS.flatMap(({ id }) =>
  childrenOf(id)
    .flatMap((r) => (r.path === 'data_information.description' ? childrenOf(r.path) : [r]))
    .filter((r) => r.level !== 'optional' && r.path !== 'data_information.documentation')
    .map((r) => r.path),
);

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

export interface JudgedPackage {
  pkg: Spdx3Package;
  /** The checklist item it answers, when the document says (or it is the model); undefined for code of unknown use. */
  item?: string;
  test: LicenseTest;
  /** Whether it has licenses and every one passes its test. */
  passes: boolean;
}

export interface Spdx3View {
  graph: Spdx3Graph;
  judged: JudgedPackage[];
  /** Whether the packages name their places in the release (written by osai-check). */
  placed: boolean;
  datasets: Array<{ label: string; node: Spdx3Package['anchor'] }>;
}

const views = new WeakMap<ParsedDocument, { treatAsOpen: readonly string[]; view: Spdx3View }>();

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

export function spdx3View(parsed: ParsedDocument, treatAsOpen?: readonly string[]): Spdx3View {
  const cached = views.get(parsed);
  if (cached && (treatAsOpen === undefined || cached.treatAsOpen === treatAsOpen)) return cached.view;
  const extraOpen = treatAsOpen ?? [];
  const graph = readGraph(parsed);
  const placed = [graph.model, ...graph.packages].some((p) => p?.osaiKey !== undefined);
  const judge = (pkg: Spdx3Package, test: LicenseTest, item?: string): JudgedPackage => ({
    pkg,
    item,
    test,
    passes:
      pkg.licenses.length > 0 &&
      pkg.licenses.every((l) => !checkLicense(l.text, test, { extraOpen }).some((f) => f.severity === 'error')),
  });
  const judged: JudgedPackage[] = [];
  if (graph.model) judged.push(judge(graph.model, 'open', 'parameters.weights'));
  for (const p of graph.packages) {
    const role = roleOf(p);
    if (role) judged.push(judge(p, role.test, role.item));
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
  const view: Spdx3View = { graph, judged, placed, datasets };
  views.set(parsed, { treatAsOpen: extraOpen, view });
  return view;
}

/**
 * License findings on every license the view reads (once per license element, which packages may share), a finding
 * for each judged package that has none, and one for each relationship end that names no element.
 */
export function osaidDiagnostics(parsed: ParsedDocument, treatAsOpen: readonly string[]): Diagnostic[] {
  const view = spdx3View(parsed, treatAsOpen);
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
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
  for (const { pkg, item, test } of view.judged) {
    const data = (path: string) => ({ path, ...(item ? { requirement: item } : {}) });
    if (pkg.licenses.length === 0) {
      const span = pkg.anchor.range ?? pkg.node.range!;
      const isModel = pkg === view.graph.model;
      const what = isModel ? 'The model' : `Package \`${shorten(pkg.name || pkg.spdxId || pkg.type)}\``;
      const purpose = test === 'osi' ? 'code must be under an OSI-approved license' : 'it must be under open terms';
      out.push(
        diagnostic(
          parsed.document,
          span[0],
          span[1],
          isModel || test === 'osi' || (item && requirementFor(item)?.level === 'required')
            ? DiagnosticSeverity.Error
            : DiagnosticSeverity.Warning,
          isModel ? Codes.missing : Spdx3Codes.unlicensed,
          isModel
            ? 'The model states no license (no `hasDeclaredLicense` relationship): the weights cannot be shown to ' +
                'be under open terms.'
            : `${what} states no license (no \`hasDeclaredLicense\` relationship): ${purpose}.`,
          data(formatPath(pkg.path)),
        ),
      );
      continue;
    }
    for (const license of pkg.licenses) {
      const range = license.node.range;
      if (!range) continue;
      // The scalar's text without its quotes: the finding's offsets are inside the string.
      const quoted = /^["']/.test(parsed.text[range[0]] ?? '') ? 1 : 0;
      for (const f of checkLicense(license.text, test, { extraOpen: treatAsOpen })) {
        // A name is not an SPDX id: only its verdict is said, not how it is spelt.
        if (license.field === 'name' && f.severity !== 'error') continue;
        const start = range[0] + quoted + f.start;
        const end = range[0] + quoted + f.end;
        // A license element shared by packages of the same test is judged once.
        const key = `${start}:${end}:${f.code}:${f.message}`;
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(
          diagnostic(
            parsed.document,
            start,
            end,
            f.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
            f.code,
            f.message,
            { ...data(formatPath(license.path)), ...(f.replacements.length ? { replacements: f.replacements } : {}) },
          ),
        );
      }
    }
  }
  return out;
}

/** How many characters of the list of datasets the checklist shows (a document may list thousands). */
const MAX_LISTED = 600;

const DESCRIPTION_NOTE =
  'An SPDX document describes data only in free text (`description`, `dataset_*` properties): ' +
  'state it item by item in an osai.yaml beside the document.';

export function spdx3Checklist(parsed: ParsedDocument, diagnostics: readonly Diagnostic[]): Checklist {
  const view = spdx3View(parsed);
  const document = parsed.document;
  const notStated = view.graph.notStatedAtSource;
  const rangeOf = (node: { range?: [number, number, number?] | null } | undefined) =>
    node?.range ? { start: document.positionAt(node.range[0]), end: document.positionAt(node.range[1]) } : ZERO_RANGE;
  const unplacedCode = view.judged.filter((j) => j.item === undefined && j.test === 'osi');
  const label = (p: Spdx3Package) => shorten(p.name || p.spdxId || p.type);
  const itemFor = (id: string): ChecklistItem => {
    const req = requirementFor(id)!;
    const level = req.level === 'required' ? ('required' as const) : ('recommended' as const);
    const base = { id, title: req.title, level, explanation: markdownDoc(req, { example: false }) };
    const answers = view.judged.filter((j) => j.item === id);
    if (id === 'data_information.training_data') {
      const n = view.datasets.length;
      const labels = view.datasets.map((d) => shorten(d.label)).join(', ');
      return n > 0
        ? {
            ...base,
            status: 'met',
            detail: `${n} dataset${n === 1 ? '' : 's'} listed: ${shorten(labels, MAX_LISTED)}.`,
            range: rangeOf(view.datasets[0].node),
          }
        : {
            ...base,
            status: view.placed && !notStated.has(id) ? 'missing' : 'not-stated',
            detail: 'No `dataset_DatasetPackage` and no `trainedOn` relationship: the document lists no training data.',
            range: rangeOf(view.graph.model?.anchor),
          };
    }
    if (answers.length > 0) {
      const failing = answers.filter((a) => !a.passes);
      const first = failing[0] ?? answers[0];
      const names = answers.map((a) => label(a.pkg)).join(', ');
      const terms = (a: JudgedPackage) => a.pkg.licenses.map((l) => l.text).join(' and ');
      let status: ChecklistStatus = 'met';
      let detail = `${names} under ${shorten(terms(answers[0]))}.`;
      if (failing.length > 0) {
        // As in a manifest: a package without its license leaves a required item missing, one with terms that fail
        // leaves it not open.
        status = first.pkg.licenses.length || level !== 'required' ? 'not-open' : 'missing';
        detail = first.pkg.licenses.length
          ? `${label(first.pkg)}: \`${shorten(terms(first))}\` is ` +
            `${first.test === 'osi' ? 'not OSI-approved' : 'not open'}.`
          : `${label(first.pkg)} states no license.`;
      }
      return { ...base, status, detail, range: rangeOf(first.pkg.anchor) };
    }
    if (view.placed && !id.startsWith('data_information.description') && !notStated.has(id))
      return {
        ...base,
        status: level === 'required' ? 'missing' : 'recommended',
        detail: `No package of the document is the ${req.title.toLowerCase()}.`,
        range: ZERO_RANGE,
      };
    if (level === 'recommended' && !notStated.has(id))
      return { ...base, status: 'recommended', detail: `Not stated in the document.`, range: ZERO_RANGE };
    const detail = id.startsWith('data_information.description')
      ? DESCRIPTION_NOTE
      : id.startsWith('code.') && unplacedCode.length
        ? `The document lists ${unplacedCode.length} code package${unplacedCode.length === 1 ? '' : 's'} ` +
          `(${shorten(unplacedCode.map((j) => j.pkg.name).join(', '), 200)}) but does not say which is the ` +
          `${req.title.toLowerCase()}; their licenses are checked all the same.`
        : notStated.has(id)
          ? `${req.title} is not stated in the document, nor in what it was written from (its OSAID annotations).`
          : `${req.title} is not stated in the document.`;
    return { ...base, status: 'not-stated', detail, range: ZERO_RANGE };
  };
  const groups = CHECKLIST_GROUPS.map(({ id, title }) => ({
    id,
    title,
    items: ITEM_IDS.filter((i) => i.startsWith(`${id}.`)).map(itemFor),
  }));
  return {
    uri: document.uri,
    kind: parsed.format.id,
    kindLabel: parsed.format.label,
    verdict: checklistVerdict(groups, diagnostics),
    groups,
  };
}
