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
import type { Diagnostic } from 'vscode-languageserver-types';
import { bomChecklist } from '../../bomview/checklist';
import { bomLicenseDiagnostics } from '../../bomview/licenseDiagnostics';
import { BomView, ITEM_IDS, judgePart, JudgedPart, viewPerParse } from '../../bomview/view';
import type { BomWording } from '../../bomview/wording';
import type { Checklist } from '../../checklist/model';
import type { LicenseTest } from '../../licenses';
import type { ParsedDocument } from '../format';
import { Bom, BomComponent, CODE_TYPES, readBom } from './read';
import { CycloneDxCodes } from './schema';

export type JudgedComponent = JudgedPart<BomComponent>;

export interface CycloneDxView extends BomView<BomComponent> {
  bom: Bom;
}

const WORDING: BomWording = {
  unlicensed: CycloneDxCodes.unlicensed,
  part: 'component',
  self: 'BOM',
  noLicense: '`licenses`',
  noTrainingData: 'No `data` component and no `modelCard.modelParameters.datasets`: the BOM lists no training data.',
  descriptionNote:
    'A CycloneDX BOM describes data only in free text (`description`, `data[].governance`): ' +
    'state it item by item in an osai.yaml beside the BOM.',
  sourceChecklist: '`osai-manifest:osaid:checklist`',
};

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

export const cycloneDxView = viewPerParse((parsed: ParsedDocument, extraOpen): CycloneDxView => {
  const bom = readBom(parsed);
  const placed = [bom.model, ...bom.components].some((c) => c?.osaiKey !== undefined);
  const judged: JudgedComponent[] = [];
  if (bom.model) judged.push(judgePart(bom.model, 'open', 'parameters.weights', extraOpen));
  for (const c of bom.components) {
    const role = roleOf(c);
    if (role) judged.push(judgePart(c, role.test, role.item, extraOpen));
  }
  const datasets = [
    ...bom.components
      .filter((c) => (c.osaiRole ? c.osaiRole === 'dataset' : c.type === 'data'))
      .map((c) => ({ label: c.name || c.bomRef || 'a dataset', node: c.anchor })),
    ...bom.cardDatasets.filter(
      (d) => !bom.components.some((c) => c.bomRef !== undefined && c.bomRef === d.label && c.type === 'data'),
    ),
  ];
  return { bom, model: bom.model, judged, placed, datasets, notStatedAtSource: bom.notStatedAtSource };
});

/** License findings on every license the view reads, and a finding for each such component that states none. */
export function osaidDiagnostics(parsed: ParsedDocument, treatAsOpen: readonly string[]): Diagnostic[] {
  return bomLicenseDiagnostics(parsed, cycloneDxView(parsed, treatAsOpen), treatAsOpen, WORDING);
}

export function cycloneDxChecklist(parsed: ParsedDocument, diagnostics: readonly Diagnostic[]): Checklist {
  return bomChecklist(parsed, cycloneDxView(parsed), diagnostics, WORDING);
}
