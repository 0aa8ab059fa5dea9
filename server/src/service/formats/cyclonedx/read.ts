/**
 * What a CycloneDX ML-BOM states, read from the YAML nodes of its JSON (JSON is YAML 1.2, so
 * the shared parse gives every value its exact range): the main `machine-learning-model`
 * component, every other component with its type, declared licenses and — in a BOM written by
 * `osai-check --format cyclonedx` — its place in the release (`osai-manifest:component`,
 * `osai-manifest:role` properties), and the model card's training datasets.
 */
import { isMap, isScalar, isSeq, Node, YAMLMap } from 'yaml';
import { findPair, PathSegment } from '../../yaml/nodes';
import type { YamlParse } from '../../yaml/parse';
import type { ParsedDocument } from '../format';

export const ML_MODEL = 'machine-learning-model';
/** Component types whose licenses are judged as code (the OSI test). */
export const CODE_TYPES: ReadonlySet<string> = new Set(['application', 'library', 'framework']);
/** How deep nested `components` are read, and how many components at most (a BOM of a whole system may list many). */
const MAX_DEPTH = 8;
const MAX_COMPONENTS = 5000;

export interface BomLicense {
  /** The SPDX expression, the license id or the license name, as written. */
  text: string;
  /** Which field states it. */
  field: 'expression' | 'id' | 'name';
  /** The scalar holding it. */
  node: Node;
  path: PathSegment[];
}

export interface BomComponent {
  type: string;
  name: string;
  /** Its name, else its type. */
  label: string;
  node: YAMLMap;
  /** The `name` key's value node (or the component's first key). */
  anchor: Node;
  path: PathSegment[];
  /** Where its licenses are stated (`…licenses`), even when they are not. */
  licensesPath: PathSegment[];
  /** The `licenses` list, if present (possibly empty). */
  licensesNode?: Node;
  licenses: BomLicense[];
  bomRef?: string;
  /** `osai-manifest:component` (`code.training`, `data_information.training_data[0]`), if the BOM says. */
  osaiKey?: string;
  /** `osai-manifest:role`, if the BOM says. */
  osaiRole?: string;
  /** `osai-manifest:item`: the checklist item it answers, where its place is not that item (a MOF component). */
  osaiItem?: string;
}

export interface BomDataset {
  /** The bom-ref the model card names, or the inline dataset's name. */
  label: string;
  node: Node;
}

export interface Bom {
  specVersion?: string;
  specNode?: Node;
  /** The model the BOM describes: `metadata.component` when it is a model, else the first model in `components`. */
  model?: BomComponent;
  /** Every component but the model, in document order. */
  components: BomComponent[];
  /** `modelCard.modelParameters.datasets` of the model. */
  cardDatasets: BomDataset[];
  /**
   * The checklist items the BOM's source did not state (`osai-manifest:osaid:checklist:<id>` = `not-stated` among
   * `metadata.properties`: a model card exported by osai-check states no code). Such an item that no component
   * answers stays "not stated" rather than missing; it never makes an item met.
   */
  notStatedAtSource: Set<string>;
}

const cache = new WeakMap<object, Bom>();

/** The BOM a parsed document states (cached per parse). */
export function readBom(parsed: ParsedDocument | YamlParse): Bom {
  const key = parsed.yaml ?? parsed;
  let bom = cache.get(key);
  if (!bom) cache.set(key, (bom = read(parsed.yaml?.contents as Node | null | undefined)));
  return bom;
}

/** Whether the parsed value is a CycloneDX BOM with a machine-learning model (`confirm`). */
export function isMlBom(value: unknown): boolean {
  if (!isObject(value) || value.bomFormat !== 'CycloneDX') return false;
  const metadata = isObject(value.metadata) ? value.metadata : undefined;
  const isModel = (c: unknown) => isObject(c) && c.type === ML_MODEL;
  return isModel(metadata?.component) || (Array.isArray(value.components) && value.components.some((c) => isModel(c)));
}

function read(root: Node | null | undefined): Bom {
  const bom: Bom = { components: [], cardDatasets: [], notStatedAtSource: new Set() };
  if (!isMap(root)) return bom;
  const spec = findPair(root, 'specVersion');
  if (spec && isScalar(spec.value)) {
    bom.specVersion = String(spec.value.value);
    bom.specNode = spec.value;
  }
  const all: BomComponent[] = [];
  const metadata = findPair(root, 'metadata')?.value;
  const main = isMap(metadata) ? findPair(metadata, 'component')?.value : undefined;
  if (isMap(main)) collect(main, ['metadata', 'component'], all, 0);
  const list = findPair(root, 'components')?.value;
  if (isSeq(list)) list.items.forEach((item, i) => collect(item as Node, ['components', i], all, 0));
  const model =
    all[0]?.path[0] === 'metadata' && all[0].type === ML_MODEL ? all[0] : all.find((c) => c.type === ML_MODEL);
  bom.model = model;
  bom.components = all.filter((c) => c !== model);
  if (model) bom.cardDatasets = cardDatasets(model.node);
  const properties = isMap(metadata) ? findPair(metadata, 'properties')?.value : undefined;
  if (isSeq(properties))
    for (const p of properties.items) {
      const name = isMap(p) ? findPair(p, 'name')?.value : undefined;
      const value = isMap(p) ? findPair(p, 'value')?.value : undefined;
      const item =
        isScalar(name) && typeof name.value === 'string'
          ? /^osai-manifest:osaid:checklist:(.+)$/.exec(name.value)
          : null;
      if (item && isScalar(value) && value.value === 'not-stated') bom.notStatedAtSource.add(item[1]);
    }
  return bom;
}

function collect(node: Node, path: PathSegment[], out: BomComponent[], depth: number): void {
  if (!isMap(node) || out.length >= MAX_COMPONENTS) return;
  const text = (key: string): string | undefined => {
    const value = findPair(node, key)?.value;
    return isScalar(value) && value.value !== null ? String(value.value) : undefined;
  };
  const nameNode = findPair(node, 'name')?.value;
  const type = text('type') ?? '';
  const name = text('name') ?? '';
  const component: BomComponent = {
    type,
    name,
    label: name || type,
    node,
    anchor: (nameNode ?? (node.items[0]?.key as Node | undefined) ?? node) as Node,
    path,
    licensesPath: [...path, 'licenses'],
    licenses: [],
    bomRef: text('bom-ref'),
  };
  const licenses = findPair(node, 'licenses')?.value;
  if (licenses) {
    component.licensesNode = licenses;
    if (isSeq(licenses))
      licenses.items.forEach((entry, i) => {
        const at = [...path, 'licenses', i];
        if (!isMap(entry)) return;
        const expression = findPair(entry, 'expression')?.value;
        if (isScalar(expression) && typeof expression.value === 'string')
          component.licenses.push({
            text: expression.value,
            field: 'expression',
            node: expression,
            path: [...at, 'expression'],
          });
        const license = findPair(entry, 'license')?.value;
        if (isMap(license)) {
          for (const field of ['id', 'name'] as const) {
            const value = findPair(license, field)?.value;
            if (isScalar(value) && typeof value.value === 'string') {
              component.licenses.push({ text: value.value, field, node: value, path: [...at, 'license', field] });
              break;
            }
          }
        }
      });
  }
  const properties = findPair(node, 'properties')?.value;
  if (isSeq(properties))
    properties.items.forEach((p, i) => {
      if (!isMap(p)) return;
      const name = findPair(p, 'name')?.value;
      const value = findPair(p, 'value')?.value;
      if (!isScalar(name) || !isScalar(value) || typeof value.value !== 'string') return;
      if (name.value === 'osai-manifest:component') component.osaiKey = value.value;
      if (name.value === 'osai-manifest:role') component.osaiRole = value.value;
      if (name.value === 'osai-manifest:item') component.osaiItem = value.value;
      // The license the evidence concluded, where CycloneDX 1.6 holds no second expression: one more license the
      // component must pass, as a `concluded` entry is in 1.7 (judged by its verdict, as a name is).
      if (name.value === 'osai-manifest:license:concluded')
        component.licenses.push({
          text: value.value,
          field: 'name',
          node: value,
          path: [...path, 'properties', i, 'value'],
        });
    });
  out.push(component);
  const children = findPair(node, 'components')?.value;
  if (isSeq(children) && depth < MAX_DEPTH)
    children.items.forEach((child, i) => collect(child as Node, [...path, 'components', i], out, depth + 1));
}

function cardDatasets(model: YAMLMap): BomDataset[] {
  const card = findPair(model, 'modelCard')?.value;
  const parameters = isMap(card) ? findPair(card, 'modelParameters')?.value : undefined;
  const datasets = isMap(parameters) ? findPair(parameters, 'datasets')?.value : undefined;
  if (!isSeq(datasets)) return [];
  return datasets.items.flatMap((item): BomDataset[] => {
    if (!isMap(item)) return [];
    const label = findPair(item, 'ref')?.value ?? findPair(item, 'name')?.value;
    return isScalar(label) ? [{ label: String(label.value), node: item }] : [{ label: 'a dataset', node: item }];
  });
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
