/**
 * A release as a CycloneDX ML-BOM (JSON, spec 1.6 or 1.7): the model — the final weights — as
 * the main component (`machine-learning-model`, with a `modelCard` naming its training datasets),
 * every other component with its declared license, the datasets as `data` components, and the
 * OSAID verdict and checklist as properties under the `osai-manifest:` namespace. The output
 * is deterministic: each bom-ref is the component's path in the release (`osai:code.training`),
 * there is no timestamp, and a serial number only when asked for.
 */
import parseSpdx from 'spdx-expression-parse';
import type { Checklist } from '../checklist/model';
import type { ReleaseComponent, ReleaseDescription } from './release';

export const CYCLONEDX_VERSIONS = ['1.6', '1.7'] as const;
export type CycloneDxVersion = (typeof CYCLONEDX_VERSIONS)[number];
/** Where the OSAID verdict and checklist go among a component's properties. */
export const PROPERTY_NAMESPACE = 'osai-manifest';

export interface CycloneDxOptions {
  specVersion: CycloneDxVersion;
  /** `urn:uuid:…`; none by default, so that a BOM kept in git diffs cleanly. */
  serialNumber?: string;
  tool: { name: string; version: string };
}

type Json = Record<string, unknown>;

const ref = (key: string) => `osai:${key}`;

/** A license as CycloneDX takes it: an SPDX expression, else a license by name. */
function licenseEntry(license: string, acknowledgement: 'declared' | 'concluded'): Json {
  try {
    parseSpdx(license);
    return { expression: license, acknowledgement };
  } catch {
    return { license: { name: license, acknowledgement } };
  }
}

/**
 * The declared license, and the one the evidence concluded beside it. CycloneDX 1.6 takes one
 * expression or a list of named licenses, never both: there a concluded license goes beside a
 * declared one as the property `osai-manifest:license:concluded` (`concludedProperties`).
 */
export function licenseChoice(
  c: Pick<ReleaseComponent, 'license' | 'concluded'> | undefined,
  version: CycloneDxVersion,
): Json[] | undefined {
  const declared = c?.license ? [licenseEntry(c.license, 'declared')] : [];
  const concluded =
    c?.concluded && (version !== '1.6' || declared.length === 0)
      ? [licenseEntry(c.concluded.expression, 'concluded')]
      : [];
  const entries = [...declared, ...concluded];
  return entries.length ? entries : undefined;
}

/** Where the concluded license was found (`files: ./weights/LICENSE`, `host: https://…`), and in 1.6 the license. */
function concludedProperties(c: ReleaseComponent, version: CycloneDxVersion): Json[] {
  if (!c.concluded) return [];
  return [
    ...(version === '1.6' && c.license
      ? [{ name: `${PROPERTY_NAMESPACE}:license:concluded`, value: c.concluded.expression }]
      : []),
    {
      name: `${PROPERTY_NAMESPACE}:license:concluded-from`,
      value: `${c.concluded.source}: ${c.concluded.from.join(', ')}`,
    },
  ];
}

function references(component: ReleaseComponent, type: string): Json[] | undefined {
  if (!component.location || !/^[a-z][a-z0-9+.-]*:/i.test(component.location)) return undefined;
  return [{ type, url: component.location }];
}

const CODE_TYPES: Record<string, string> = { code: 'application', library: 'library' };

function otherComponent(c: ReleaseComponent, release: ReleaseDescription, version: CycloneDxVersion): Json {
  const licenses = licenseChoice(c, version);
  const base: Json = {
    type:
      c.role === 'dataset' || c.role === 'data-information'
        ? 'data'
        : c.role === 'code' || c.role === 'library'
          ? CODE_TYPES[c.role]
          : 'file',
    'bom-ref': ref(c.key),
    name: c.name,
    ...(c.description ? { description: c.description } : {}),
    ...(licenses ? { licenses } : {}),
  };
  const location = c.location;
  const localPath = location && !/^[a-z][a-z0-9+.-]*:/i.test(location) ? location : undefined;
  switch (c.role) {
    case 'code':
    case 'library':
      return {
        ...base,
        ...(references(c, 'vcs') ? { externalReferences: references(c, 'vcs') } : {}),
        properties: props(c, localPath, version),
      };
    case 'dataset':
      return {
        ...base,
        data: [{ type: 'dataset', name: c.name, ...(c.kind ? { classification: c.kind } : {}) }],
        ...(references(c, 'distribution') ? { externalReferences: references(c, 'distribution') } : {}),
        properties: props(c, localPath, version),
      };
    case 'data-information': {
      const aspects = Object.entries(release.dataDescription ?? {}).map(([aspect, text]) => `${aspect}: ${text}`);
      const description = aspects.length ? { description: aspects.join('\n') } : {};
      return {
        ...base,
        data: [{ type: 'other', name: c.name, ...description }],
        properties: props(c, localPath, version),
      };
    }
    default:
      return {
        ...base,
        ...(references(c, c.role === 'documentation' ? 'documentation' : 'distribution')
          ? { externalReferences: references(c, c.role === 'documentation' ? 'documentation' : 'distribution') }
          : {}),
        properties: props(c, localPath, version),
      };
  }
}

/** The component's place in the release, and a location that is a path (no external reference can hold one). */
function props(c: ReleaseComponent, localPath: string | undefined, version: CycloneDxVersion): Json[] {
  return [
    { name: `${PROPERTY_NAMESPACE}:component`, value: c.key },
    { name: `${PROPERTY_NAMESPACE}:role`, value: c.role },
    ...(c.item ? [{ name: `${PROPERTY_NAMESPACE}:item`, value: c.item }] : []),
    ...(localPath ? [{ name: `${PROPERTY_NAMESPACE}:location`, value: localPath }] : []),
    ...concludedProperties(c, version),
  ];
}

function checklistProperties(checklist: Checklist | undefined): Json[] {
  if (!checklist) return [];
  return [
    { name: `${PROPERTY_NAMESPACE}:osaid:verdict`, value: checklist.verdict.title },
    { name: `${PROPERTY_NAMESPACE}:osaid:state`, value: checklist.verdict.state },
    ...checklist.groups.flatMap((g) =>
      g.items.map((i) => ({ name: `${PROPERTY_NAMESPACE}:osaid:checklist:${i.id}`, value: i.status })),
    ),
  ];
}

export function toCycloneDx(release: ReleaseDescription, checklist: Checklist | undefined, options: CycloneDxOptions) {
  const header = {
    $schema: `http://cyclonedx.org/schema/bom-${options.specVersion}.schema.json`,
    bomFormat: 'CycloneDX',
    specVersion: options.specVersion,
    ...(options.serialNumber ? { serialNumber: options.serialNumber } : {}),
    version: 1,
  };
  const tools = { components: [{ type: 'application', name: options.tool.name, version: options.tool.version }] };
  // A dataset released alone (a dataset card) is the main component itself.
  if (release.subject === 'dataset' && release.components.length === 1) {
    return {
      ...header,
      metadata: {
        tools,
        component: otherComponent(release.components[0], release, options.specVersion),
        properties: checklistProperties(checklist),
      },
    };
  }
  const weights = release.components.find((c) => c.role === 'weights');
  const others = release.components.filter((c) => c !== weights);
  const datasets = others.filter((c) => c.role === 'dataset');
  const modelRef = weights ? ref(weights.key) : ref('model');
  const licenses = licenseChoice(weights, options.specVersion);
  const externalReferences = [
    ...(weights ? (references(weights, 'distribution') ?? []) : []),
    ...(release.homepage ? [{ type: 'website', url: release.homepage }] : []),
  ];
  const model: Json = {
    type: 'machine-learning-model',
    'bom-ref': modelRef,
    ...(release.producer ? { supplier: { name: release.producer } } : {}),
    name: release.name,
    ...(release.version ? { version: release.version } : {}),
    description: weights?.description ?? 'The model',
    ...(licenses ? { licenses } : {}),
    ...(externalReferences.length ? { externalReferences } : {}),
    modelCard: {
      'bom-ref': `${modelRef}#model-card`,
      modelParameters: { datasets: datasets.map((d) => ({ ref: ref(d.key) })) },
    },
    properties: [
      ...(weights ? props(weights, undefined, options.specVersion) : []),
      ...(release.releaseDate ? [{ name: `${PROPERTY_NAMESPACE}:release-date`, value: release.releaseDate }] : []),
    ],
  };
  return {
    ...header,
    metadata: {
      tools,
      component: model,
      properties: checklistProperties(checklist),
    },
    components: others.map((c) => otherComponent(c, release, options.specVersion)),
    dependencies: [
      { ref: modelRef, dependsOn: others.map((c) => ref(c.key)) },
      ...others.map((c) => ({ ref: ref(c.key) })),
    ],
  };
}
