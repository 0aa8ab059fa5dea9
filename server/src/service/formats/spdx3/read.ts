/**
 * What an SPDX 3 AI-BOM (JSON-LD) states, read from the YAML nodes of its JSON (JSON is YAML
 * 1.2, so the shared parse gives every value its exact range): the elements of its `@graph`,
 * the root `ai_AIPackage` (the model), the other packages with the licenses their
 * `hasDeclaredLicense` / `hasConcludedLicense` relationships give them, the datasets the model
 * is `trainedOn`, and — in a document written by `osai-check --format spdx3` — each package's
 * place in the release (its spdxId ends in the manifest path) and the checklist items the
 * source did not state (the `OSAID 1.0 <item> (…): not-stated` annotations).
 *
 * Type names are read compacted (`ai_AIPackage`) or as full IRIs
 * (`https://spdx.org/rdf/3.0.1/terms/AI/AIPackage`); nothing else of JSON-LD is expanded.
 */
import { isMap, isScalar, isSeq, Node, YAMLMap } from 'yaml';
import { findPair, PathSegment } from '../../yaml/nodes';
import type { YamlParse } from '../../yaml/parse';
import type { ParsedDocument } from '../format';

export const AI_PACKAGE = 'ai_AIPackage';
export const DATASET_PACKAGE = 'dataset_DatasetPackage';
export const SOFTWARE_PACKAGE = 'software_Package';
export const LICENSE_EXPRESSION = 'simplelicensing_LicenseExpression';
/** Where the ids of an `osai-check` export start (aibom/spdx3.ts `SPDX3_ID_BASE`), then the release's slug. */
const OSAI_ID = /^https:\/\/spdx\.org\/spdxdocs\/osai\/[^/]+\/(.+)$/;
/** The SPDX vocabulary's own individuals (`NoneElement`, `NoAssertionLicense`, …): always defined. */
const SPDX_TERMS = /^https:\/\/spdx\.org\/rdf\/3\.[^/]*\/terms\//;
/** How many graph elements at most are read (a document of a whole system may hold many). */
const MAX_ELEMENTS = 20000;

/** `https://spdx.org/rdf/3.0.1/terms/AI/AIPackage` → `ai_AIPackage`; `…/Core/Relationship` → `Relationship`. */
export function compactType(type: string): string {
  const m = /^https:\/\/spdx\.org\/rdf\/3\.[^/]*\/terms\/(\w+)\/(\w+)$/.exec(type);
  if (!m) return type;
  return m[1] === 'Core' ? m[2] : `${m[1].toLowerCase()}_${m[2]}`;
}

export interface Spdx3Element {
  type: string;
  spdxId?: string;
  name: string;
  node: YAMLMap;
  /** The `name` value node (or the `spdxId`'s, or the element's first key). */
  anchor: Node;
  path: PathSegment[];
}

export interface Spdx3License {
  /** The SPDX expression, or the name of a `LicenseRef-` an export made of a name. */
  text: string;
  field: 'expression' | 'name';
  /** The scalar holding it (in the license element, which packages may share). */
  node: Node;
  path: PathSegment[];
}

export interface Spdx3Package extends Spdx3Element {
  /** Its name, else its spdxId, else its type. */
  label: string;
  /** Where a missing license is said to be missing: the package itself (its licenses are relationships). */
  licensesPath: PathSegment[];
  /** `software_primaryPurpose`, if stated. */
  purpose?: string;
  /** The declared and concluded licenses, in the order of the relationships; an element named by both, once. */
  licenses: Spdx3License[];
  /** The manifest path an `osai-check` export ends its spdxId with (`code.training`, `data_information`). */
  osaiKey?: string;
  /** The OSAID item an `osai-check` export's annotation says it answers, where its path is not that item (MOF). */
  osaiItem?: string;
}

export interface Spdx3Reference {
  id: string;
  node: Node;
  path: PathSegment[];
}

export interface Spdx3Graph {
  specVersion?: string;
  /** The model: the root element that is an `ai_AIPackage`, else the first one. */
  model?: Spdx3Package;
  /** Every package but the model (software, dataset and other AI packages), in document order. */
  packages: Spdx3Package[];
  /** The datasets the model is `trainedOn`, by id, with the node naming them. */
  trainedOn: Spdx3Reference[];
  /** Relationship ends (`from`, `to`) naming no element of the graph nor an SPDX individual. */
  dangling: Spdx3Reference[];
  /** Checklist items an `osai-check` export says its source did not state: they stay "not stated". */
  notStatedAtSource: Set<string>;
}

const cache = new WeakMap<object, Spdx3Graph>();

/** The graph a parsed document states (cached per parse). */
export function readGraph(parsed: ParsedDocument | YamlParse): Spdx3Graph {
  const key = parsed.yaml ?? parsed;
  let graph = cache.get(key);
  if (!graph) cache.set(key, (graph = read(parsed.yaml?.contents as Node | null | undefined)));
  return graph;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether the parsed value is an SPDX 3 JSON-LD document with an AI package (`confirm`). */
export function isAiBom(value: unknown): boolean {
  if (!isObject(value) || !Array.isArray(value['@graph'])) return false;
  return value['@graph'].some((e) => isObject(e) && typeof (e.type ?? e['@type']) === 'string' && isAi(e));
}

function isAi(e: Record<string, unknown>): boolean {
  return compactType(String(e.type ?? e['@type'])) === AI_PACKAGE;
}

function text(map: YAMLMap, key: string): string | undefined {
  const value = findPair(map, key)?.value;
  return isScalar(value) && value.value !== null && value.value !== undefined ? String(value.value) : undefined;
}

/** A property's references: one string, or a list of them. */
function references(map: YAMLMap, key: string, at: PathSegment[]): Spdx3Reference[] {
  const value = findPair(map, key)?.value;
  if (isScalar(value) && typeof value.value === 'string') return [{ id: value.value, node: value, path: [...at, key] }];
  if (!isSeq(value)) return [];
  return value.items.flatMap((item, i) =>
    isScalar(item) && typeof item.value === 'string' ? [{ id: item.value, node: item, path: [...at, key, i] }] : [],
  );
}

function read(root: Node | null | undefined): Spdx3Graph {
  const graph: Spdx3Graph = { packages: [], trainedOn: [], dangling: [], notStatedAtSource: new Set() };
  if (!isMap(root)) return graph;
  const list = findPair(root, '@graph')?.value;
  if (!isSeq(list)) return graph;
  const elements: Spdx3Element[] = [];
  const byId = new Map<string, Spdx3Element>();
  const known = new Set<string>();
  const roots: string[] = [];
  const relationships: Array<{ node: YAMLMap; path: PathSegment[] }> = [];
  const items = new Map<string, string>();
  list.items.slice(0, MAX_ELEMENTS).forEach((item, i) => {
    if (!isMap(item)) return;
    const path: PathSegment[] = ['@graph', i];
    const type = compactType(text(item, 'type') ?? text(item, '@type') ?? '');
    const spdxId = text(item, 'spdxId') ?? text(item, '@id');
    if (spdxId !== undefined) known.add(spdxId);
    if (type === 'CreationInfo' && !graph.specVersion) graph.specVersion = text(item, 'specVersion');
    if (type === 'SpdxDocument') {
      roots.push(...references(item, 'rootElement', path).map((r) => r.id));
      // Elements of other documents it imports are defined there.
      const imports = findPair(item, 'import')?.value;
      if (isSeq(imports))
        for (const entry of imports.items) if (isMap(entry)) known.add(text(entry, 'externalSpdxId') ?? '');
    }
    if (type === 'Relationship') relationships.push({ node: item, path });
    if (type === 'Annotation') {
      // aibom/spdx3.ts: `OSAID 1.0 <item> (<title>): <status> — <detail>` on the model.
      const m = /^OSAID 1\.0 ([\w.]+) \(.*?\): ([a-z-]+) — /.exec(text(item, 'statement') ?? '');
      if (m && m[2] === 'not-stated') graph.notStatedAtSource.add(m[1]);
      // A component's item, where its path is not that item: `OSAID 1.0 item: <item>` on the component.
      const answers = /^OSAID 1\.0 item: ([\w.]+)$/.exec(text(item, 'statement') ?? '')?.[1];
      const subject = text(item, 'subject');
      if (answers && subject) items.set(subject, answers);
    }
    const nameNode = findPair(item, 'name')?.value ?? findPair(item, 'spdxId')?.value;
    const element: Spdx3Element = {
      type,
      spdxId,
      name: text(item, 'name') ?? '',
      node: item,
      anchor: (nameNode ?? (item.items[0]?.key as Node | undefined) ?? item) as Node,
      path,
    };
    if (type === AI_PACKAGE || type === DATASET_PACKAGE || type === SOFTWARE_PACKAGE) {
      const key = spdxId ? OSAI_ID.exec(spdxId)?.[1] : undefined;
      const pkg: Spdx3Package = {
        ...element,
        label: element.name || spdxId || type,
        licensesPath: path,
        purpose: text(item, 'software_primaryPurpose'),
        licenses: [],
      };
      if (key) pkg.osaiKey = safeDecode(key);
      elements.push(pkg);
    } else elements.push(element);
    if (spdxId !== undefined && !byId.has(spdxId)) byId.set(spdxId, elements[elements.length - 1]);
  });
  const packages = elements.filter((e): e is Spdx3Package => 'licenses' in e);
  for (const p of packages) if (p.spdxId && items.has(p.spdxId)) p.osaiItem = items.get(p.spdxId);
  const model =
    packages.find((p) => p.type === AI_PACKAGE && p.spdxId !== undefined && roots.includes(p.spdxId)) ??
    packages.find((p) => p.type === AI_PACKAGE);
  graph.model = model;
  graph.packages = packages.filter((p) => p !== model);
  for (const { node, path } of relationships) {
    const from = references(node, 'from', path);
    const to = references(node, 'to', path);
    for (const end of [...from, ...to]) if (!known.has(end.id) && !SPDX_TERMS.test(end.id)) graph.dangling.push(end);
    const type = text(node, 'relationshipType');
    for (const source of from) {
      const subject = byId.get(source.id);
      if (type === 'hasDeclaredLicense' || type === 'hasConcludedLicense') {
        if (subject && 'licenses' in subject)
          for (const target of to) {
            const license = licenseOf(byId.get(target.id));
            const licenses = (subject as Spdx3Package).licenses;
            // Declared and concluded often name the same element: it is one license of the package, read once.
            if (license && !licenses.some((l) => l.node === license.node)) licenses.push(license);
          }
      } else if (type === 'trainedOn' && model && subject === model) graph.trainedOn.push(...to);
    }
  }
  return graph;
}

function safeDecode(text: string): string {
  try {
    return decodeURI(text);
  } catch {
    return text;
  }
}

/**
 * A license element's terms: its expression, or — when the expression is only a `LicenseRef-` and the element has
 * a name (how an export writes a license that is not SPDX) — the name, judged as a CycloneDX license name is. A
 * listed license by its id; another license class by its name.
 */
function licenseOf(element: Spdx3Element | undefined): Spdx3License | undefined {
  if (!element) return undefined;
  const expressionPair = findPair(element.node, 'simplelicensing_licenseExpression');
  const expression = expressionPair?.value;
  const namePair = findPair(element.node, 'name');
  const name = namePair?.value;
  const hasName = isScalar(name) && typeof name.value === 'string' && name.value !== '';
  if (isScalar(expression) && typeof expression.value === 'string') {
    if (/^LicenseRef-[A-Za-z0-9.-]+$/.test(expression.value) && hasName)
      return { text: String(name.value), field: 'name', node: name, path: [...element.path, 'name'] };
    return {
      text: expression.value,
      field: 'expression',
      node: expression,
      path: [...element.path, 'simplelicensing_licenseExpression'],
    };
  }
  if (element.type === 'expandedlicensing_ListedLicense' && element.spdxId) {
    const id = /^https?:\/\/spdx\.org\/licenses\/([A-Za-z0-9.+-]+)$/.exec(element.spdxId)?.[1];
    const idNode = findPair(element.node, 'spdxId')?.value;
    if (id && idNode) return { text: id, field: 'name', node: idNode, path: [...element.path, 'spdxId'] };
  }
  if (element.type.startsWith('expandedlicensing_') && hasName)
    return { text: String(name.value), field: 'name', node: name, path: [...element.path, 'name'] };
  return undefined;
}
