/**
 * Build-time script (never imported by the service, never bundled): regenerates
 * `motTables.ts` from the Model Openness Tool reference files copied into `mot-reference/`.
 *
 *   npx tsx server/src/service/formats/mof/data/generate.ts [path/to/mot-reference]
 *
 * Default source: `mot-reference/` next to this script (resolved from the script's own
 * location, so it works from any working directory in a fresh clone). The optional argument
 * reads the same four files from another folder, e.g. a newer MOT checkout's copies. See
 * ATTRIBUTION.md in this folder: MOT is MIT licensed, Copyright 2024 The Model Openness
 * Tool Authors.
 *
 * `generateMotTables()` is pure (it reads the reference files and returns the text); only
 * running this file as a script writes `motTables.ts`. test/service/mof-tables.test.ts
 * checks that the committed `motTables.ts` is exactly what it generates.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';

/** The in-repo copies of MOT's reference files. */
export const DEFAULT_SOURCE = join(__dirname, 'mot-reference');

/** The generated file. */
export const TABLES_FILE = join(__dirname, 'motTables.ts');

interface SpdxEntry {
  licenseId: string;
  isOsiApproved?: boolean;
  isFsfLibre?: boolean;
  ContentType?: string | string[];
}
interface SettingsComponent {
  id: number;
  name: string;
  description: string;
  content_type: string;
  class: number;
  weight: number;
  required: boolean;
}

/**
 * MOT's list of licenses "considered open for data component types", copied from
 * `LicenseHandler::OPEN_DATA_LICENSES` in web/modules/mof/src/LicenseHandler.php of
 * lfai/model_openness_tool (MIT). It is code, not part of the reference JSON files.
 */
const MOT_OPEN_DATA_LICENSES = [
  'CC0-1.0',
  'CC-BY-1.0',
  'CC-BY-2.0',
  'CC-BY-2.5',
  'CC-BY-2.5-AU',
  'CC-BY-3.0',
  'CC-BY-3.0-AT',
  'CC-BY-3.0-AU',
  'CC-BY-3.0-DE',
  'CC-BY-3.0-IGO',
  'CC-BY-3.0-NL',
  'CC-BY-3.0-US',
  'CC-BY-4.0',
  'CC-BY-SA-1.0',
  'CC-BY-SA-2.0',
  'CC-BY-SA-2.0-UK',
  'CC-BY-SA-2.1-JP',
  'CC-BY-SA-2.5',
  'CC-BY-SA-3.0',
  'CC-BY-SA-3.0-AT',
  'CC-BY-SA-4.0',
  'CDLA-Permissive-1.0',
  'CDLA-Permissive-2.0',
  'CDLA-Sharing-1.0',
  'ODC-PDDL-1.0',
  'ODC-By-1.0',
  'ODbL-1.0',
  'GFDL-1.3',
  'OGL-Canada-2.0',
  'OGL-UK-2.0',
  'OGL-UK-3.0',
];

/**
 * Unique ids in a fixed order: English collation (the order the tables have always used),
 * then code points to break any tie, so the output depends on the input files only.
 */
const sorted = (ids: Iterable<string>): string[] =>
  [...new Set(ids)].sort((a, b) => a.localeCompare(b, 'en') || (a < b ? -1 : a > b ? 1 : 0));

/** A TypeScript array literal of string ids, wrapped at 110 columns. */
const list = (ids: readonly string[], indent = ''): string => {
  const lines: string[] = [];
  let line = '';
  for (const id of ids) {
    const item = `'${id}', `;
    if (line.length + item.length > 110) {
      lines.push(line.trimEnd());
      line = '';
    }
    line += item;
  }
  if (line) lines.push(line.trimEnd());
  return `[\n${indent}  ${lines.join(`\n${indent}  `)}\n${indent}]`;
};

export interface MotTables {
  /** The full text of `motTables.ts`. */
  readonly text: string;
  readonly counts: {
    readonly components: number;
    readonly osi: number;
    readonly fsf: number;
    readonly openData: number;
  };
}

/**
 * Builds `motTables.ts` from MOT's reference files in `sourceDir` (licenses.json,
 * mof-licenses.json, mof.settings.yml, mof_schema.json). Reads only; writes nothing.
 */
export function buildMotTables(sourceDir: string = DEFAULT_SOURCE): MotTables {
  const source = resolve(sourceDir);
  const read = (name: string): string => readFileSync(join(source, name), 'utf8');
  const spdx = JSON.parse(read('licenses.json')) as {
    licenseListVersion: string;
    releaseDate: string;
    licenses: SpdxEntry[];
  };
  const mof = JSON.parse(read('mof-licenses.json')) as { licenses: SpdxEntry[] };
  const settings = parse(read('mof.settings.yml')) as { components: SettingsComponent[] };
  const schema = JSON.parse(read('mof_schema.json')) as {
    properties: { release: { properties: Record<string, { enum?: string[] }> } };
  };

  const all = [...spdx.licenses, ...mof.licenses];
  const osi = sorted(all.filter((l) => l.isOsiApproved === true).map((l) => l.licenseId));
  const fsf = sorted(all.filter((l) => l.isFsfLibre === true).map((l) => l.licenseId));
  const byType: Record<string, string[]> = { code: [], data: [], document: [] };
  for (const l of mof.licenses) {
    for (const type of ([] as string[]).concat(l.ContentType ?? [])) byType[type]?.push(l.licenseId);
  }
  const components = [...settings.components]
    .sort((a, b) => b.class - a.class || a.weight - b.weight || a.id - b.id)
    .map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
      contentType: c.content_type,
      class: c.class,
      required: c.required,
    }));
  const enums = schema.properties.release.properties;

  const text = `/**
 * GENERATED by generate.ts from the Model Openness Tool's reference data — do not edit.
 *
 * Source: lfai/model_openness_tool (MIT license, Copyright 2024 The Model Openness Tool
 * Authors), commit 8b5d30e: mof.settings.yml (components), licenses.json (SPDX list
 * ${spdx.licenseListVersion} of ${spdx.releaseDate}, OSI and FSF flags), mof-licenses.json (content types),
 * mof_schema.json (enums) and LicenseHandler.php (open-data list). See ATTRIBUTION.md.
 */

export type MotContentType = 'code' | 'data' | 'document';

export interface MotComponent {
  /** MOT's component id. */
  readonly id: number;
  readonly name: string;
  /** MOT's standard description, used when a component is added. */
  readonly description: string;
  readonly contentType: MotContentType;
  /** The lowest class that requires it (classes are cumulative: I ⊃ II ⊃ III). */
  readonly class: 1 | 2 | 3;
  /** false: optional in its class (never counted for progress). */
  readonly required: boolean;
}

/** The 17 MOF components, Class III first, in MOT's form order within a class. */
export const MOT_COMPONENTS: readonly MotComponent[] = [\n${components
    .map(
      (c) =>
        `  ${JSON.stringify(c)
          .replace(/"(\w+)":/g, '$1: ')
          .replace(/,(?=\w+: )/g, ', ')},`,
    )
    .join('\n')}\n];

/** License ids with MOT's \`isOsiApproved\` flag. */
export const MOT_OSI_APPROVED: readonly string[] = ${list(osi)};

/** License ids with MOT's \`isFsfLibre\` flag (the npm SPDX list has no FSF flag). */
export const MOT_FSF_LIBRE: readonly string[] = ${list(fsf)};

/** MOT's \`OPEN_DATA_LICENSES\` (LicenseHandler.php). */
export const MOT_OPEN_DATA: readonly string[] = ${list(MOT_OPEN_DATA_LICENSES)};

/** Open under MOT's rules although in none of the lists above (OSAID requirements §4). */
export const MOT_OPEN_EXTRA: readonly string[] = ['OpenMDW-1.0'];

/** Type-appropriate licenses per content type (mof-licenses.json \`ContentType\`). */
export const MOT_TYPE_LICENSES: Readonly<Record<MotContentType, readonly string[]>> = {
  code: ${list(sorted(byType.code), '  ')},
  data: ${list(sorted(byType.data), '  ')},
  document: ${list(sorted(byType.document), '  ')},
};

/** Enums of mof_schema.json (the project's schema copies them). */
export const MOT_ENUMS = {
  type: ${JSON.stringify(enums.type.enum)},
  architecture: ${JSON.stringify(enums.architecture.enum)},
  treatment: ${JSON.stringify(enums.treatment.enum)},
} as const;
`;
  return {
    text: text.replace(/\n\n\n+/g, '\n\n'),
    counts: {
      components: components.length,
      osi: osi.length,
      fsf: fsf.length,
      openData: MOT_OPEN_DATA_LICENSES.length,
    },
  };
}

/** The text of `motTables.ts` generated from the reference files in `sourceDir`. */
export function generateMotTables(sourceDir: string = DEFAULT_SOURCE): string {
  return buildMotTables(sourceDir).text;
}

if (require.main === module) {
  const { text, counts } = buildMotTables(process.argv[2] ?? DEFAULT_SOURCE);
  writeFileSync(TABLES_FILE, text);
  console.log(
    `wrote ${TABLES_FILE}: ${counts.components} components, ${counts.osi} OSI, ` +
      `${counts.fsf} FSF, ${counts.openData} open data`,
  );
}
