/**
 * The MOF model as read from one parsed file: components with their YAML nodes, global
 * licenses, and each component's license resolved in MOT's order. Built once per parsed
 * document (cached), shared by diagnostics, class evaluation, hovers and fixes.
 */
import { isMap, isScalar, isSeq, Node, Pair, YAMLMap, YAMLSeq } from 'yaml';
import type { ParsedDocument } from '../format';
import { findPair } from '../../yaml/nodes';
import { isObject } from './detect';
import { COMPONENTS_BY_NAME, MotComponent, MotContentType } from './tables';

export type GlobalLicenseKind = 'distribution' | MotContentType;
export const GLOBAL_LICENSE_KINDS: readonly GlobalLicenseKind[] = ['distribution', 'code', 'data', 'document'];

export interface GlobalLicense {
  kind: GlobalLicenseKind;
  /** The `name` value when it is a non-empty string (MOT's `!empty()`); undefined otherwise. */
  name: string | undefined;
  /** The `name` value node, when written. */
  node: Node | undefined;
  path: string;
}

export interface ComponentEntry {
  index: number;
  /** `release.components[i]`. */
  path: string;
  /** The `name` as written, when it is a string. */
  name: string | undefined;
  /** The MOF component, when `name` matches one exactly (as MOT requires). */
  component: MotComponent | undefined;
  item: Node | null;
  nameNode: Node | undefined;
  /** The `license` pair, when the item has one. */
  licensePair: Pair<Node, Node | null> | undefined;
  /** The plain `license` value (undefined when the key is absent). */
  licenseValue: unknown;
  /** Index of an earlier entry with the same component. */
  duplicateOf?: number;
}

export type LicenseSource = 'component' | GlobalLicenseKind | 'none';

/** The license MOT applies to a component. */
export interface ResolvedLicense {
  /** The license text; undefined when none applies (MOT: `unlicensed`). */
  license: string | undefined;
  source: LicenseSource;
  /** Manifest path of the value that supplies it. */
  path: string | undefined;
  /** Its value node, for ranges. */
  node: Node | undefined;
}

export interface MofModel {
  releaseMap: YAMLMap | undefined;
  releaseKey: Node | undefined;
  /** The `components` key and its list. */
  componentsKey: Node | undefined;
  componentsSeq: YAMLSeq | undefined;
  releaseName: string | undefined;
  entries: ComponentEntry[];
  globals: Readonly<Record<GlobalLicenseKind, GlobalLicense>>;
  /** For each MOF component in the file, the entry MOT uses (the last one with that name). */
  byComponent: ReadonlyMap<string, ComponentEntry>;
}

const cache = new WeakMap<ParsedDocument, MofModel>();

export function readModel(parsed: ParsedDocument): MofModel {
  let model = cache.get(parsed);
  if (!model) {
    model = build(parsed);
    cache.set(parsed, model);
  }
  return model;
}

function build(parsed: ParsedDocument): MofModel {
  const value = isObject(parsed.value) ? parsed.value : {};
  const release = isObject(value.release) ? value.release : {};
  const root = parsed.yaml?.contents as Node | null | undefined;
  const releasePair = isMap(root) ? findPair(root, 'release') : undefined;
  const releaseMap = isMap(releasePair?.value) ? releasePair.value : undefined;
  const componentsPair = releaseMap ? findPair(releaseMap, 'components') : undefined;
  const componentsSeq = isSeq(componentsPair?.value) ? componentsPair.value : undefined;
  const licensePair = releaseMap ? findPair(releaseMap, 'license') : undefined;
  const licenseMap = isMap(licensePair?.value) ? licensePair.value : undefined;
  const licenseValue = isObject(release.license) ? release.license : {};

  const globals = {} as Record<GlobalLicenseKind, GlobalLicense>;
  for (const kind of GLOBAL_LICENSE_KINDS) {
    const entry = isObject(licenseValue[kind]) ? licenseValue[kind] : {};
    const name = entry.name;
    const kindPair = licenseMap ? findPair(licenseMap, kind) : undefined;
    const namePair = isMap(kindPair?.value) ? findPair(kindPair.value, 'name') : undefined;
    globals[kind] = {
      kind,
      name:
        typeof name === 'string' && name !== '' && name !== '0'
          ? name
          : typeof name === 'number'
            ? String(name)
            : undefined,
      node: (namePair?.value as Node | null | undefined) ?? undefined,
      path: `release.license.${kind}.name`,
    };
  }

  const plainComponents = Array.isArray(release.components) ? release.components : [];
  const entries: ComponentEntry[] = [];
  const firstIndex = new Map<string, number>();
  const byComponent = new Map<string, ComponentEntry>();
  plainComponents.forEach((plain, index) => {
    const item = (componentsSeq?.items[index] as Node | null | undefined) ?? null;
    const itemMap = isMap(item) ? item : undefined;
    const data = isObject(plain) ? plain : {};
    const name = typeof data.name === 'string' ? data.name : undefined;
    const component = name !== undefined ? COMPONENTS_BY_NAME.get(name) : undefined;
    const namePair = itemMap ? findPair(itemMap, 'name') : undefined;
    const entry: ComponentEntry = {
      index,
      path: `release.components[${index}]`,
      name,
      component,
      item,
      nameNode: (namePair?.value as Node | null | undefined) ?? undefined,
      licensePair: itemMap ? findPair(itemMap, 'license') : undefined,
      licenseValue: 'license' in data ? data.license : undefined,
    };
    if (component) {
      const first = firstIndex.get(component.name);
      if (first === undefined) firstIndex.set(component.name, index);
      else entry.duplicateOf = first;
      // MOT keys licenses by component id: a later duplicate overwrites an earlier one.
      byComponent.set(component.name, entry);
    }
    entries.push(entry);
  });

  return {
    releaseMap,
    releaseKey: releasePair?.key as Node | undefined,
    componentsKey: componentsPair?.key as Node | undefined,
    componentsSeq,
    releaseName: typeof release.name === 'string' ? release.name : undefined,
    entries,
    globals,
    byComponent,
  };
}

/**
 * MOT's license resolution: the component's own `license` when set (an empty one means
 * unlicensed, no fallback); else the global license for its content type; else the
 * distribution license; else none.
 */
export function resolveComponentLicense(model: MofModel, entry: ComponentEntry): ResolvedLicense {
  const own = entry.licenseValue;
  if (own !== undefined && own !== null) {
    const node = (entry.licensePair?.value as Node | null | undefined) ?? undefined;
    const text =
      typeof own === 'string' ? own : typeof own === 'number' || typeof own === 'boolean' ? String(own) : undefined;
    // PHP `$license ?: null`: '' and '0' are empty.
    const license = text === '' || text === '0' ? undefined : (text ?? (isScalar(node) ? undefined : '[invalid]'));
    return { license, source: 'component', path: `${entry.path}.license`, node };
  }
  const type = entry.component?.contentType;
  if (type && model.globals[type].name !== undefined) {
    const g = model.globals[type];
    return { license: g.name, source: type, path: g.path, node: g.node };
  }
  const d = model.globals.distribution;
  if (d.name !== undefined) return { license: d.name, source: 'distribution', path: d.path, node: d.node };
  return { license: undefined, source: 'none', path: undefined, node: undefined };
}

/** MOT's status for an included component. */
export type ComponentStatus = 'included' | 'invalid' | 'unlicensed';
