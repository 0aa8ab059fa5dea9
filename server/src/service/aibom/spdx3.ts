/**
 * A release as an SPDX 3.0.1 document (JSON-LD, the Core, Software, AI, Dataset and Simple
 * Licensing profiles): the model — the final weights — as the `ai_AIPackage` and root element,
 * every other component as a `software_Package` (code, libraries, checkpoints, documentation)
 * or a `dataset_DatasetPackage` (training data), each declared license as a
 * `simplelicensing_LicenseExpression` tied by `hasDeclaredLicense`, the model `trainedOn` its
 * datasets, and the OSAID verdict and checklist as `Annotation`s on the model (and, on a component
 * whose path is not its OSAID item, the item it answers).
 *
 * The output is deterministic: every spdxId is derived from the release's name and version and
 * the component's path in the release (docs/aibom.md, "SPDX 3.0.1"), and `created` — which
 * SPDX 3 requires — is the caller's (SOURCE_DATE_EPOCH on the command line), else the release
 * date, else the Unix epoch: never the time of the run.
 */
import parseSpdx from 'spdx-expression-parse';
import type { Checklist } from '../checklist/model';
import type { ComponentRole, ReleaseComponent, ReleaseDescription } from './release';

export const SPDX3_CONTEXT = 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld';
/** Where every spdxId of an export starts (then the release's slug, then the element's path). */
export const SPDX3_ID_BASE = 'https://spdx.org/spdxdocs/osai';
/** `created` when neither the caller nor the release gives a date. */
export const EPOCH = '1970-01-01T00:00:00Z';

export interface Spdx3Options {
  tool: { name: string; version: string };
  /** `creationInfo.created` (`YYYY-MM-DDThh:mm:ssZ`); the release date, else the epoch, by default. */
  created?: string;
}

type Json = Record<string, unknown>;

const CREATION_INFO = '_:creationInfo';
const URL = /^[a-z][a-z0-9+.-]*:/i;

/** Lower case, runs of anything but letters, digits, `.` and `_` as one `-`: an IRI path segment. */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9._]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'release'
  );
}

/** `2024-02-01` → `2024-02-01T00:00:00Z`; a full UTC date-time as it is; anything else: undefined. */
export function spdxDateTime(date: string | undefined): string | undefined {
  if (!date) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(date)) return `${date}T00:00:00Z`;
  const full = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.\d+)?Z$/.exec(date);
  return full ? `${full[1]}Z` : undefined;
}

/**
 * The primary purpose of each role (software_SoftwarePurpose). Checkpoints are models in their
 * own right; an optimizer state is data the training resumes from.
 */
const PURPOSES: Record<ComponentRole, string> = {
  weights: 'model',
  checkpoints: 'model',
  'optimizer-state': 'data',
  code: 'source',
  library: 'library',
  dataset: 'data',
  'data-information': 'documentation',
  documentation: 'documentation',
};

/**
 * How the model relates to each other component: it is trained on the datasets, depends on the
 * code and libraries that build and run it, has its documentation (the data information among
 * it), and contains the other parameters published with it (checkpoints, optimizer state).
 */
const RELATIONSHIPS: Record<ComponentRole, string> = {
  weights: 'contains',
  checkpoints: 'contains',
  'optimizer-state': 'contains',
  code: 'dependsOn',
  library: 'dependsOn',
  dataset: 'trainedOn',
  'data-information': 'hasDocumentation',
  documentation: 'hasDocumentation',
};

/**
 * A declared license as a license expression: itself when it is an SPDX expression, else a
 * `LicenseRef-` made of its name (the element keeps the name as written).
 */
export function licenseExpression(declared: string): { expression: string; spdx: boolean } {
  try {
    parseSpdx(declared);
    return { expression: declared, spdx: true };
  } catch {
    const ref = declared.replace(/[^A-Za-z0-9.]+/g, '-').replace(/^-+|-+$/g, '');
    return { expression: `LicenseRef-${ref || 'unnamed'}`, spdx: false };
  }
}

export function toSpdx3(release: ReleaseDescription, checklist: Checklist | undefined, options: Spdx3Options) {
  const base = `${SPDX3_ID_BASE}/${slug(release.version ? `${release.name}-${release.version}` : release.name)}`;
  // A component's path in the release, `[n]` as `.n` (`data_information.training_data.0`), anything an IRI
  // cannot hold percent-encoded.
  const id = (path: string) => `${base}/${encodeURI(path.replace(/\[(\d+)\]/g, '.$1'))}`;
  const weights = release.components.find((c) => c.role === 'weights');
  const others = release.components.filter((c) => c !== weights);
  const modelId = id(weights?.key ?? 'model');
  const common = { creationInfo: CREATION_INFO };

  const agentId = id(`agent/${slug(options.tool.name)}`);
  const toolId = id(`tool/${slug(options.tool.name)}`);
  const producerId = release.producer ? id('producer') : undefined;
  const elements: Json[] = [
    { type: 'SoftwareAgent', spdxId: agentId, ...common, name: options.tool.name },
    { type: 'Tool', spdxId: toolId, ...common, name: `${options.tool.name} ${options.tool.version}` },
    ...(producerId ? [{ type: 'Organization', spdxId: producerId, ...common, name: release.producer }] : []),
  ];

  // One element per distinct expression, shared by every component that declares it.
  const licenses = new Map<string, Json>();
  const relationships: Json[] = [];
  const licenseElement = (written: string, how: 'Declared' | 'Concluded'): string => {
    const { expression, spdx } = licenseExpression(written);
    const licenseId = `${base}/license/${encodeURIComponent(expression)}`;
    if (!licenses.has(licenseId))
      licenses.set(licenseId, {
        type: 'simplelicensing_LicenseExpression',
        spdxId: licenseId,
        ...common,
        simplelicensing_licenseExpression: expression,
        ...(spdx ? {} : { name: written, comment: `${how} as "${written}", which is not an SPDX license expression` }),
      });
    return licenseId;
  };
  // The declared license, and the one the evidence concluded (aibom/concluded.ts) with where it was found.
  const declareLicense = (fromId: string, path: string, c: ReleaseComponent | undefined) => {
    if (c?.license)
      relationships.push({
        type: 'Relationship',
        spdxId: id(`relationship/${path}/hasDeclaredLicense`),
        ...common,
        from: fromId,
        relationshipType: 'hasDeclaredLicense',
        to: [licenseElement(c.license, 'Declared')],
      });
    if (c?.concluded)
      relationships.push({
        type: 'Relationship',
        spdxId: id(`relationship/${path}/hasConcludedLicense`),
        ...common,
        comment:
          c.concluded.source === 'host'
            ? `Concluded from what the host records for ${c.concluded.from.join(', ')}`
            : `Concluded from the release's files: ${c.concluded.from.join(', ')}`,
        from: fromId,
        relationshipType: 'hasConcludedLicense',
        to: [licenseElement(c.concluded.expression, 'Concluded')],
      });
  };

  // A location that is a URL is where to download the component; a path in the release is said in a comment.
  const location = (c: ReleaseComponent | undefined): Json => {
    if (!c?.location) return {};
    return URL.test(c.location)
      ? { software_downloadLocation: c.location }
      : { comment: `Location in the release: ${c.location}` };
  };

  const releaseTime = spdxDateTime(release.releaseDate);
  const model: Json = {
    type: 'ai_AIPackage',
    spdxId: modelId,
    ...common,
    name: release.name,
    ...(weights?.description ? { description: weights.description } : {}),
    ...(release.version ? { software_packageVersion: release.version } : {}),
    ...(producerId ? { suppliedBy: producerId } : {}),
    ...(releaseTime ? { releaseTime } : {}),
    ...location(weights),
    ...(release.homepage ? { software_homePage: release.homepage } : {}),
    software_primaryPurpose: 'model',
  };
  declareLicense(modelId, weights?.key ?? 'model', weights);

  // A component whose path is not its OSAID item (a MOF component) says which item it answers, for a reader.
  const placements: Json[] = [];
  const components = others.map((c): Json => {
    const componentId = id(c.key);
    declareLicense(componentId, c.key, c);
    if (c.item)
      placements.push({
        type: 'Annotation',
        spdxId: id(`annotation/${c.key}/item`),
        ...common,
        annotationType: 'other',
        subject: componentId,
        statement: `OSAID 1.0 item: ${c.item}`,
      });
    const aspects = Object.entries(release.dataDescription ?? {}).map(([aspect, text]) => `${aspect}: ${text}`);
    const description =
      c.role === 'data-information' && aspects.length
        ? aspects.join('\n')
        : c.description && c.description !== c.name
          ? c.description
          : undefined;
    return {
      type: c.role === 'dataset' ? 'dataset_DatasetPackage' : 'software_Package',
      spdxId: componentId,
      ...common,
      name: c.name,
      ...(description ? { description } : {}),
      ...location(c),
      software_primaryPurpose: PURPOSES[c.role],
      // SPDX 3 requires a dataset's type (text, image, …), which no format states.
      ...(c.role === 'dataset'
        ? { dataset_datasetType: ['noAssertion'], ...(c.kind ? { summary: `OSAID data kind: ${c.kind}` } : {}) }
        : {}),
    };
  });

  // One relationship per kind, from the model to every component it relates to that way.
  for (const type of [...new Set(others.map((c) => RELATIONSHIPS[c.role]))])
    relationships.push({
      type: 'Relationship',
      spdxId: id(`relationship/${weights?.key ?? 'model'}/${type}`),
      ...common,
      from: modelId,
      relationshipType: type,
      to: others.filter((c) => RELATIONSHIPS[c.role] === type).map((c) => id(c.key)),
    });

  const annotation = (path: string, statement: string): Json => ({
    type: 'Annotation',
    spdxId: id(`annotation/${path}`),
    ...common,
    annotationType: 'other',
    subject: modelId,
    statement,
  });
  const annotations = checklist
    ? [
        annotation('osaid/verdict', checklist.verdict.title),
        ...checklist.groups.flatMap((g) =>
          g.items.map((i) => annotation(`osaid/${i.id}`, `OSAID 1.0 ${i.id} (${i.title}): ${i.status} — ${i.detail}`)),
        ),
      ]
    : [];

  const graph = [model, ...components, ...licenses.values(), ...relationships, ...annotations, ...placements];
  const document: Json = {
    type: 'SpdxDocument',
    spdxId: id('document'),
    ...common,
    name: `${release.name}${release.version ? ` ${release.version}` : ''}: Open Source AI release`,
    profileConformance: ['core', 'software', 'ai', 'dataset', 'simpleLicensing'],
    rootElement: [modelId],
    element: [...elements, ...graph].map((e) => e.spdxId),
  };
  return {
    '@context': SPDX3_CONTEXT,
    '@graph': [
      {
        type: 'CreationInfo',
        '@id': CREATION_INFO,
        specVersion: '3.0.1',
        created: spdxDateTime(options.created) ?? releaseTime ?? EPOCH,
        createdBy: [agentId],
        createdUsing: [toolId],
      },
      ...elements,
      document,
      ...graph,
    ],
  };
}
