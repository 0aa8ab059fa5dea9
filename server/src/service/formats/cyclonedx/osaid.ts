/**
 * The OSAID 1.0 view of a CycloneDX ML-BOM, judged with the same license tests and the same
 * verdict rule as a manifest. The weights are the model component's licenses (the `open`
 * test); code is every `application`, `library` or `framework` component (the `osi` test);
 * the training data listing is the `data` components and the model card's
 * `modelParameters.datasets`. Every stated license is judged; a BOM lists several license
 * entries as terms that all apply, so each must pass.
 *
 * A BOM does not say which code is the training code and which the inference code, nor
 * describe the data item by item: those items read "not stated" (never an error), as a model
 * card's do — except in a BOM written by `osai-check --format cyclonedx`, whose components name
 * their place in the release (`osai-manifest:component`): there each item is read from its
 * components, and a required item no component answers is missing, as in the manifest it came
 * from. The data description is only text in a BOM: always "not stated".
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
import { Bom, BomComponent, CODE_TYPES, readBom } from './read';
import { CycloneDxCodes } from './schema';

/** The items of the checklist, as a model card's: every required and recommended one but the data documentation. */
export const ITEM_IDS: readonly string[] = CHECKLIST_GROUPS.flatMap(({ id }) =>
  childrenOf(id)
    .flatMap((r) => (r.path === 'data_information.description' ? childrenOf(r.path) : [r]))
    .filter((r) => r.level !== 'optional' && r.path !== 'data_information.documentation')
    .map((r) => r.path),
);

export interface JudgedComponent {
  component: BomComponent;
  /** The checklist item it answers, when the BOM says (or it is the model); undefined for code of unknown purpose. */
  item?: string;
  test: LicenseTest;
  /** Whether it has licenses and every one passes its test. */
  passes: boolean;
}

export interface CycloneDxView {
  bom: Bom;
  judged: JudgedComponent[];
  /** Whether the BOM names its components' places (written by osai-check). */
  placed: boolean;
  datasets: Array<{ label: string; node: BomComponent['anchor'] }>;
}

const views = new WeakMap<ParsedDocument, { treatAsOpen: readonly string[]; view: CycloneDxView }>();

/** `code.supporting_libraries[1]` → `code.supporting_libraries`; `data_information` → its license item. */
function itemOfKey(key: string): string | undefined {
  const id = key.replace(/\[\d+\]$/, '');
  if (id === 'data_information') return 'data_information.license';
  return ITEM_IDS.includes(id) ? id : undefined;
}

/**
 * Which test a component's licenses take, and the item it answers; undefined when the view does not judge it (datasets
 * are listed, not judged: OSAID accepts training data that cannot be shared, and a manifest's listing has no license).
 */
function roleOf(c: BomComponent): { test: LicenseTest; item?: string } | undefined {
  if (c.osaiKey) {
    if (c.osaiRole === 'dataset' || c.osaiRole === 'documentation') return undefined;
    const test: LicenseTest = c.osaiRole === 'code' || c.osaiRole === 'library' ? 'osi' : 'open';
    return { test, item: itemOfKey(c.osaiItem ?? c.osaiKey) };
  }
  return CODE_TYPES.has(c.type) ? { test: 'osi' } : undefined;
}

export function cycloneDxView(parsed: ParsedDocument, treatAsOpen?: readonly string[]): CycloneDxView {
  const cached = views.get(parsed);
  if (cached && (treatAsOpen === undefined || cached.treatAsOpen === treatAsOpen)) return cached.view;
  const extraOpen = treatAsOpen ?? [];
  const bom = readBom(parsed);
  const placed = [bom.model, ...bom.components].some((c) => c?.osaiKey !== undefined);
  const judge = (component: BomComponent, test: LicenseTest, item?: string): JudgedComponent => ({
    component,
    item,
    test,
    passes:
      component.licenses.length > 0 &&
      component.licenses.every((l) => !checkLicense(l.text, test, { extraOpen }).some((f) => f.severity === 'error')),
  });
  const judged: JudgedComponent[] = [];
  if (bom.model) judged.push(judge(bom.model, 'open', 'parameters.weights'));
  for (const c of bom.components) {
    const role = roleOf(c);
    if (role) judged.push(judge(c, role.test, role.item));
  }
  const datasets = [
    ...bom.components
      .filter((c) => (c.osaiRole ? c.osaiRole === 'dataset' : c.type === 'data'))
      .map((c) => ({ label: c.name || c.bomRef || 'a dataset', node: c.anchor })),
    ...bom.cardDatasets.filter(
      (d) => !bom.components.some((c) => c.bomRef !== undefined && c.bomRef === d.label && c.type === 'data'),
    ),
  ];
  const view: CycloneDxView = { bom, judged, placed, datasets };
  views.set(parsed, { treatAsOpen: extraOpen, view });
  return view;
}

/** License findings on every license the view reads, and a finding for each such component that states none. */
export function osaidDiagnostics(parsed: ParsedDocument, treatAsOpen: readonly string[]): Diagnostic[] {
  const view = cycloneDxView(parsed, treatAsOpen);
  const out: Diagnostic[] = [];
  for (const { component, item, test } of view.judged) {
    const data = (path: string) => ({ path, ...(item ? { requirement: item } : {}) });
    if (component.licenses.length === 0) {
      const span = component.anchor.range ?? component.node.range!;
      const isModel = component === view.bom.model;
      const what = isModel ? 'The model' : `Component \`${shorten(component.name || component.type)}\``;
      const purpose = test === 'osi' ? 'code must be under an OSI-approved license' : 'it must be under open terms';
      out.push(
        diagnostic(
          parsed.document,
          span[0],
          span[1],
          isModel || test === 'osi' || (item && requirementFor(item)?.level === 'required')
            ? DiagnosticSeverity.Error
            : DiagnosticSeverity.Warning,
          isModel ? Codes.missing : CycloneDxCodes.unlicensed,
          isModel
            ? 'The model states no license (`licenses`): the weights cannot be shown to be under open terms.'
            : `${what} states no license (\`licenses\`): ${purpose}.`,
          data(formatPath([...component.path, 'licenses'])),
        ),
      );
      continue;
    }
    for (const license of component.licenses) {
      const range = license.node.range;
      if (!range) continue;
      // The scalar's text without its quotes: the finding's offsets are inside the string.
      const quoted = /^["']/.test(parsed.text[range[0]] ?? '') ? 1 : 0;
      for (const f of checkLicense(license.text, test, { extraOpen: treatAsOpen })) {
        // A name is not an SPDX id: only its verdict is said, not how it is spelt.
        if (license.field === 'name' && f.severity !== 'error') continue;
        const start = range[0] + quoted + f.start;
        const end = range[0] + quoted + f.end;
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

/** How many characters of the list of datasets the checklist shows (a BOM may list thousands). */
const MAX_LISTED = 600;

const DESCRIPTION_NOTE =
  'A CycloneDX BOM describes data only in free text (`description`, `data[].governance`): ' +
  'state it item by item in an osai.yaml beside the BOM.';

export function cycloneDxChecklist(parsed: ParsedDocument, diagnostics: readonly Diagnostic[]): Checklist {
  const view = cycloneDxView(parsed);
  const document = parsed.document;
  const rangeOf = (node: { range?: [number, number, number?] | null } | undefined) =>
    node?.range ? { start: document.positionAt(node.range[0]), end: document.positionAt(node.range[1]) } : ZERO_RANGE;
  const unplacedCode = view.judged.filter((j) => j.item === undefined && j.test === 'osi');
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
            status: view.placed && !view.bom.notStatedAtSource.has(id) ? 'missing' : 'not-stated',
            detail: 'No `data` component and no `modelCard.modelParameters.datasets`: the BOM lists no training data.',
            range: rangeOf(view.bom.model?.anchor),
          };
    }
    if (answers.length > 0) {
      const failing = answers.filter((a) => !a.passes);
      const first = failing[0] ?? answers[0];
      const names = answers.map((a) => shorten(a.component.name || a.component.type)).join(', ');
      const terms = (a: JudgedComponent) => a.component.licenses.map((l) => l.text).join(' and ');
      let status: ChecklistStatus = 'met';
      let detail = `${names} under ${shorten(terms(answers[0]))}.`;
      if (failing.length > 0) {
        // As in a manifest: a component without its license leaves a required item missing, one with terms that fail
        // leaves it not open.
        status = first.component.licenses.length || level !== 'required' ? 'not-open' : 'missing';
        detail = first.component.licenses.length
          ? `${shorten(first.component.name)}: \`${shorten(terms(first))}\` is ` +
            `${first.test === 'osi' ? 'not OSI-approved' : 'not open'}.`
          : `${shorten(first.component.name || first.component.type)} states no license.`;
      }
      return { ...base, status, detail, range: rangeOf(first.component.anchor) };
    }
    if (view.placed && !id.startsWith('data_information.description') && !view.bom.notStatedAtSource.has(id))
      return {
        ...base,
        status: level === 'required' ? 'missing' : 'recommended',
        detail: `No component of the BOM is the ${req.title.toLowerCase()}.`,
        range: ZERO_RANGE,
      };
    if (level === 'recommended' && !view.bom.notStatedAtSource.has(id))
      return { ...base, status: 'recommended', detail: `Not stated in the BOM.`, range: ZERO_RANGE };
    const detail = id.startsWith('data_information.description')
      ? DESCRIPTION_NOTE
      : id.startsWith('code.') && unplacedCode.length
        ? `The BOM lists ${unplacedCode.length} code component${unplacedCode.length === 1 ? '' : 's'} ` +
          `(${shorten(unplacedCode.map((j) => j.component.name).join(', '), 200)}) but does not say which is the ` +
          `${req.title.toLowerCase()}; their licenses are checked all the same.`
        : view.bom.notStatedAtSource.has(id)
          ? `${req.title} is not stated in the BOM, nor in what it was written from ` +
            '(its `osai-manifest:osaid:checklist`).'
          : `${req.title} is not stated in the BOM.`;
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
