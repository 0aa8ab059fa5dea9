/**
 * Per-format test corpora for the fuzzer and the fix-safety property: one entry per format
 * id of the registry (`DEFAULT_FORMATS`). test/service/fuzz.test.ts fails when a format has
 * no entry here, or when an entry's texts are not recognised as that format — so a new
 * format cannot be left out, and a corpus cannot silently test the wrong one.
 *
 * Adding a format: an entry with the `uri`/`languageId` under which the format claims its
 * documents, `seeds` (fuzzed), `fixtures` (every quick fix applied and checked), and, when
 * the format is recognised by content, `bodyStart` and `mutations` that keep most mutated
 * documents recognised (the fuzz test asserts that more than half of them are).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { isSeq, parse as parseYaml, parseDocument, stringify as stringifyYaml } from 'yaml';
import type { ParsedDocument } from '../../server/src/service';
import { COMPONENT_NAMES, evaluateMofClass, mofClassActions } from '../../server/src/service/formats/mof';
import { between, indentOf, LICENSE_VALUES, lines, linesMatching, Mutation, pick } from './mutations';

const ROOT = join(__dirname, '..', '..');

/** One text of a corpus; `name` says where it comes from (file, or file + variant). */
export interface Seed {
  name: string;
  text: string;
}

export interface FormatCorpus {
  /** The document URI and language id the texts are opened with (what makes the format claim them). */
  uri: string;
  languageId: string;
  /** The texts the fuzzer mutates. */
  seeds: readonly Seed[];
  /** The texts whose every quick fix the fix-safety test applies and checks. */
  fixtures: readonly Seed[];
  /** First line that "gentle" mutations may touch (the lines above identify the format). Default 0. */
  bodyStart?: (lines: readonly string[]) => number;
  /** Structure-aware mutations for this format (in addition to the shared ones). */
  mutations?: Readonly<Record<string, Mutation>>;
  /**
   * Code actions offered without a diagnostic in the range (e.g. MOF's class-level actions), for the fix-safety test.
   */
  extraActions?: (parsed: ParsedDocument) => CodeAction[];
  /**
   * What the fix-safety test checks beyond the shared properties, for this format's fixes:
   * returns a complaint, or undefined when the applied fix did what it says.
   */
  checkFix?: (fix: AppliedFix) => string | undefined;
}

/** A quick fix applied to a fixture, for `FormatCorpus.checkFix`. */
export interface AppliedFix {
  action: CodeAction;
  before: ParsedDocument;
  beforeDiagnostics: readonly Diagnostic[];
  after: ParsedDocument;
  afterDiagnostics: readonly Diagnostic[];
}

/** A diagnostic's identity across an edit: its code, path and (MOF `osaid/missing`) the component it asks for. */
export function diagnosticKey(d: Diagnostic): string {
  const data = d.data as { path?: string; component?: string } | undefined;
  return `${d.code} ${data?.path}${data?.component ? ` (${data.component})` : ''}`;
}

function readDir(dir: string, pattern: RegExp, only?: (file: string, index: number, all: string[]) => boolean): Seed[] {
  const files = (existsSync(join(ROOT, dir)) ? readdirSync(join(ROOT, dir)) : []).filter((f) => pattern.test(f)).sort();
  return files
    .filter((f, i) => !only || only(f, i, files))
    .map((f) => ({ name: `${dir}/${f}`, text: readFileSync(join(ROOT, dir, f), 'utf8') }));
}

/** Drops texts identical to an earlier one (the MOF fixtures are also in the corpus and in examples/). */
function unique(seeds: readonly Seed[]): Seed[] {
  const seen = new Set<string>();
  return seeds.filter((s) => !seen.has(s.text) && (seen.add(s.text), true));
}

function variant(seed: Seed | undefined, label: string, transform: (text: string) => string): Seed[] {
  return seed ? [{ name: `${seed.name} (${label})`, text: transform(seed.text) }] : [];
}

// ---------------------------------------------------------------------------------------
// OSAID manifests

const manifests = [...readDir('examples', /\.ya?ml$/), ...readDir('test/fixtures/manifests', /\.ya?ml$/)];

// ---------------------------------------------------------------------------------------
// MOF model files

/** MOT's files are all alike; these from the corpus add what the seven fixtures lack (see the comments). */
const MOF_CORPUS_SEEDS = [
  'Arkim.yml', // license/not-open
  'CodeGen.yml', // license/non-canonical, many fixes
  'Wu-Dao-GLM-XXL.yml', // the smallest, few components
  'Polyglot-Ko.yml', // the one Class II file
  'Dou-Bao.yml', // all 17 components, none licensed
  'NeMo-Megatron-GPT-20B.yml', // license/not-osi-approved
  'Bilingual-gpt-neox-4b.yml', // license/unknown and most other codes
  'Aquila-VL-2B.yml', // the largest, Class I
];
/** The fix-safety test also takes every Nth corpus file (about 30 of 273, to keep it under a few seconds). */
const MOF_CORPUS_STRIDE = 9;

/** Index of the first line after the top-level `framework:` block (what recognises a MOF file), else 0. */
export function mofBodyStart(l: readonly string[]): number {
  const i = l.findIndex((line) => /^framework\s*:/.test(line));
  if (i < 0) return 0;
  let j = i + 1;
  while (j < l.length && (l[j].trim() === '' || /^[ \t]/.test(l[j]))) j++;
  return j;
}

/** Line ranges [start, end) of the items of the block list under `components:`. */
function componentItems(l: readonly string[]): Array<[number, number]> {
  const key = l.findIndex((line) => /^\s+components\s*:\s*(#.*)?$/.test(line));
  if (key < 0) return [];
  const keyIndent = indentOf(l[key]);
  const items: Array<[number, number]> = [];
  let end = key + 1;
  while (
    end < l.length &&
    (l[end].trim() === '' ||
      indentOf(l[end]) > keyIndent ||
      (indentOf(l[end]) === keyIndent && l[end].trimStart().startsWith('-')))
  )
    end++;
  const dashes = linesMatching(l.slice(0, end), /^\s*-(\s|$)/, key + 1).filter(
    (i) => indentOf(l[i]) === indentOf(l[key + 1] ?? ''),
  );
  dashes.forEach((d, n) => items.push([d, dashes[n + 1] ?? end]));
  return items;
}

/** The block under a key line (the key line and every following more-indented or blank line). */
function blockEnd(l: readonly string[], key: number): number {
  let end = key + 1;
  while (end < l.length && (l[end].trim() === '' || indentOf(l[end]) > indentOf(l[key]))) end++;
  return end;
}

const COMPONENT_NAME_VARIANTS = (name: string): string[] => [
  name,
  name.toLowerCase(),
  name.toUpperCase(),
  ` ${name} `,
  name.replace(' ', '  '),
  name.slice(0, -1),
  name.replace(/ \(.*\)$/, ''),
  `${name}s`,
  name.replace(/[aeiou]/, ''),
];
const UNKNOWN_COMPONENTS = [
  'Model weights',
  'Training data',
  'Tokenizer',
  'Research Paper',
  'Model Card',
  'Model parameters',
  'Datasets (Final)',
  '',
  'x',
];

function quoted(value: string, r: () => number): string {
  return pick(
    [`'${value.replace(/'/g, "''")}'`, JSON.stringify(value), /^[\w(][\w ().-]*$/.test(value) ? value : `'${value}'`],
    r,
  );
}

/** `-` alone on its line with the keys below (MOT's style) → `- name: …`. */

/** Spellings of the framework's name a MOF file may carry: case, spaces, tabs, near misses. */
const FRAMEWORK_NAME_VARIANTS = [
  "'model openness framework'",
  "'MODEL OPENNESS  FRAMEWORK'",
  "' Model Openness Framework '",
  '"Model\\tOpenness Framework"',
  'Model Openness Framework',
  "'Model Openness Frame'",
  "'Model Openness Framework 2'",
];

export const dashNameStyle = (t: string): string => t.replace(/^([ \t]*)-[ \t]*\r?\n[ \t]*(name[ \t]*:)/gm, '$1- $2');

/** The components list as one flow sequence (`components: [{name: …, description: …}, …]`). */
export function flowComponents(t: string): string {
  const document = parseDocument(t);
  const seq = document.getIn(['release', 'components'], true);
  if (document.errors.length > 0 || !isSeq(seq)) return t;
  seq.flow = true;
  return document.toString({ lineWidth: 0 });
}

/** Comments everywhere a user might put them: a header, a line before each item, after each license, at the end. */
export function withComments(t: string): string {
  const out = ['# A MOF model file, with comments added by the test (fixes must keep every one)'];
  let item = 0;
  for (const line of lines(t)) {
    if (/^\s*-\s*$/.test(line)) out.push(`${' '.repeat(indentOf(line))}# item ${++item}`);
    if (/^release\s*:\s*$/.test(line)) out.push(`${line} # the release`);
    else if (/^\s+license\s*:\s*\S/.test(line)) out.push(`${line} # as published`);
    else out.push(line);
  }
  const trailing = out[out.length - 1] === '' ? out.pop() : undefined;
  out.push('  # the end of the release', ...(trailing === undefined ? [] : ['']));
  return out.join('\n');
}

/** Replaces the block of the first line matching `key` by `replacement` lines (or removes it). */
function replaceBlock(t: string, key: RegExp, replacement: (indent: string) => string[]): string {
  const l = lines(t);
  const i = l.findIndex((line) => key.test(line));
  if (i < 0) return t;
  l.splice(i, blockEnd(l, i) - i, ...replacement(' '.repeat(indentOf(l[i]))));
  return l.join('\n');
}

/**
 * What people get wrong and MOF fixes offer to put right: near-miss framework name, enum values, keys, component names,
 * license spellings.
 */
export function misspell(t: string): string {
  return [
    [/^(\s+name:) 'Model Openness Framework'/m, "$1 'model openness framework'"],
    [/^(\s+type:) language$/m, '$1 Language'],
    [/^(\s+architecture:) transformer$/m, '$1 transfomer'],
    [/^(\s+)repository:/m, '$1repositry:'],
    [/'Model architecture'/, "'Model Architecture'"],
    [/'Training code'/, "'Trainig code'"],
    [/(name:) Datasets$/m, '$1 Dataset'],
    [/license_path:/, 'licence_path:'],
    [/(name:) Apache-2.0$/m, "$1 'apache 2.0'"],
    [/(license:) MIT$/m, '$1 mit'],
  ].reduce((text, [re, replacement]) => text.replace(re as RegExp, replacement as string), t);
}

const COMPONENTS_KEY = /^\s+components\s*:/;
const RELEASE_LICENSE_KEY = /^ {1,4}license\s*:/;

const MOF_MUTATIONS: Readonly<Record<string, Mutation>> = {
  /** A component name: another of the 17, a near miss (case, spaces, typo), or unknown. */
  renameComponent: (t, r) => {
    const l = lines(t);
    const names = componentItems(l).flatMap(([s, e]) => linesMatching(l.slice(0, e), /^\s*(-\s+)?name\s*:/, s));
    if (names.length === 0) return t;
    const i = pick(names, r);
    const roll = r();
    const name =
      roll < 0.4
        ? pick(COMPONENT_NAMES, r)
        : roll < 0.8
          ? pick(COMPONENT_NAME_VARIANTS(pick(COMPONENT_NAMES, r)), r)
          : pick(UNKNOWN_COMPONENTS, r);
    l[i] = l[i].replace(/(name\s*:).*$/, `$1 ${quoted(name, r)}`);
    return l.join('\n');
  },
  removeComponent: (t, r) => {
    const l = lines(t);
    const items = componentItems(l);
    if (items.length === 0) return t;
    const [s, e] = pick(items, r);
    l.splice(s, e - s);
    return l.join('\n');
  },
  duplicateComponent: (t, r) => {
    const l = lines(t);
    const items = componentItems(l);
    if (items.length === 0) return t;
    const [s, e] = pick(items, r);
    const at = pick(items, r)[1];
    l.splice(at, 0, ...l.slice(s, e));
    return l.join('\n');
  },
  /** Another way to write the list: `- name:` items, one flow sequence, empty, null, or no key at all. */
  componentsStyle: (t, r) => {
    switch (Math.floor(r() * 6)) {
      case 0:
        return dashNameStyle(t);
      case 1:
        return flowComponents(t);
      case 2:
        return replaceBlock(t, COMPONENTS_KEY, (i) => [`${i}components: []`]);
      case 3:
        return replaceBlock(t, COMPONENTS_KEY, (i) => [`${i}components: ${pick(['~', 'null', "''", '{}', 'x'], r)}`]);
      case 4:
        return replaceBlock(t, COMPONENTS_KEY, (i) => [`${i}components:`]);
      default:
        return replaceBlock(t, COMPONENTS_KEY, () => []);
    }
  },
  /** `release.license`: global licenses of each kind (what components without their own inherit). */
  globalLicenses: (t, r) =>
    replaceBlock(t, RELEASE_LICENSE_KEY, (i) => {
      const kinds = ['distribution', 'code', 'data', 'document'].filter(() => r() < 0.5);
      if (kinds.length === 0) return [`${i}license: ${pick(['{  }', '{}', '~', "''", 'MIT', '[]'], r)}`];
      return [
        `${i}license:`,
        ...kinds.flatMap((k) => [
          `${i}  ${k}:`,
          `${i}    name: ${pick(LICENSE_VALUES, r)}`,
          ...(r() < 0.5 ? [`${i}    path: ''`] : []),
        ]),
      ];
    }),
  /** `framework.name` spelt the near-miss ways the format still claims (and sometimes one it does not). */
  frameworkName: (t, r) =>
    t.replace(/^([ \t]+name[ \t]*:).*$/m, (_m, key: string) => `${key} ${pick(FRAMEWORK_NAME_VARIANTS, r)}`),
  /** A required `release` key removed or emptied. */
  dropReleaseKey: (t, r) => {
    const key = pick(['name', 'license', 'producer', 'components', 'version', 'date', 'type'], r);
    return replaceBlock(t, new RegExp(`^ {1,4}${key}\\s*:`), (i) =>
      r() < 0.5 ? [] : [`${i}${key}: ${pick(["''", '~', '123', '[]'], r)}`],
    );
  },
  /** A line of one item moved into another item, or out of the list. */
  moveItemLine: (t, r) => {
    const l = lines(t);
    const items = componentItems(l);
    if (items.length === 0) return t;
    const [s, e] = pick(items, r);
    const from = between(s + 1, e, r);
    if (from === undefined) return t;
    const [line] = l.splice(from, 1);
    l.splice(pick(items, r)[0] + (r() < 0.5 ? 0 : 1), 0, line);
    return l.join('\n');
  },
};

const componentCount = (parsed: ParsedDocument): number => {
  const components = (parsed.value as { release?: { components?: unknown } } | undefined)?.release?.components;
  return Array.isArray(components) ? components.length : 0;
};
const ROMAN: Readonly<Record<string, 1 | 2 | 3>> = { I: 1, II: 2, III: 3 };

/**
 * MOF's "add components" fixes (one component for an `osaid/missing`, every one OSAID requires,
 * the ones missing for the next class or for Class I): they append exactly the components the
 * title counts, after which none is absent for the class named. They do not make the file
 * clean: a component is added with its name and MOT's description but no license (only its
 * owner can choose one), so it inherits `release.license` or is unlicensed, and new license
 * diagnostics (`mof/unlicensed`, `license/not-open`, …) appear — on the inserted items, and
 * nowhere else, but for one: an inserted data information component (a data card) that
 * inherits no open license does not count as data information, so the requirement's own
 * `osaid/missing` then says so, naming what is there. The targeted `osaid/missing` itself is
 * gone (the shared check).
 */
function checkMofFix({ action, before, beforeDiagnostics, after, afterDiagnostics }: AppliedFix): string | undefined {
  if (!action.title.startsWith('Add')) return undefined;
  const expected = /^Add the MOF component /.test(action.title)
    ? 1
    : Number(
        /\((\d+)\)$|^Add the (\d+) component/
          .exec(action.title)
          ?.slice(1)
          .find((n) => n !== undefined),
      );
  const [from, to] = [componentCount(before), componentCount(after)];
  if (to - from !== expected) return `adds ${to - from} components, not ${expected}`;
  const known = new Set(beforeDiagnostics.map(diagnosticKey));
  const inserted = (d: Diagnostic) => {
    const m = /^release\.components\[(\d+)\]/.exec((d.data as { path?: string } | undefined)?.path ?? '');
    return m !== null && Number(m[1]) >= from && Number(m[1]) < to;
  };
  const dataInformationStillUnmet = (d: Diagnostic) =>
    d.code === 'osaid/missing' &&
    (d.data as { requirement?: string } | undefined)?.requirement === 'data_information' &&
    afterDiagnostics.some(
      (x) =>
        inserted(x) &&
        ['Data card', 'Datasets', 'Technical report', 'Research paper'].includes(
          (x.data as { component?: string } | undefined)?.component ?? '',
        ),
    );
  const elsewhere = afterDiagnostics.filter(
    (d) => !known.has(diagnosticKey(d)) && !inserted(d) && !dataInformationStillUnmet(d),
  );
  if (elsewhere.length > 0)
    return `brings new diagnostics outside the inserted components: ${elsewhere.map(diagnosticKey).join('; ')}`;
  const roman = /missing for MOF Class (I{1,3})$/.exec(action.title.replace(/ \(\d+\)$/, ''))?.[1];
  if (roman) {
    const absent = evaluateMofClass(after).absent[ROMAN[roman]];
    if (absent.length > 0) return `leaves components absent for Class ${roman}: ${absent.join(', ')}`;
  }
  return undefined;
}

const mofFixtures = readDir('test/fixtures/mof', /\.ya?ml$/);
const byName = (name: string) => mofFixtures.find((s) => s.name.endsWith(`/${name}`));

// ---------------------------------------------------------------------------------------
// Hugging Face cards: real model and dataset cards (test/fixtures/cards, with attribution).

const HUB_VALUES = [
  'apache-2.0',
  'mit',
  'MIT',
  'Apache-2.0',
  'llama3',
  'gemma',
  'other',
  'unknown',
  'cc-by-nc-4.0',
  'openrail',
  'bigscience-bloom-rail-1.0',
  "''",
  '[mit, apache-2.0]',
  'odc-by',
];

/** The front matter's lines (after the opening `---`), where card mutations work. */
const cardBodyStart = (): number => 1;

const CARD_MUTATIONS: Readonly<Record<string, Mutation>> = {
  /** Another license, Hub id or not. */
  license: (t, r) => t.replace(/^license:.*$/m, () => `license: ${pick(HUB_VALUES, r)}`),
  /** `license: other` with or without a name and a link. */
  licenseOther: (t, r) =>
    t.replace(/^license:.*$/m, () =>
      [
        'license: other',
        ...(r() < 0.6
          ? [`license_name: ${pick(['llama3', 'tongyi-qianwen', 'my-license-1.0', "''", 'deepseek'], r)}`]
          : []),
        ...(r() < 0.4 ? ['license_link: LICENSE'] : []),
      ].join('\n'),
    ),
  /** `datasets` with an odd item. */
  datasets: (t, r) =>
    t.replace(
      /^---[ \t]*\r?\n/,
      (m) => `${m}datasets:\n- ${pick(['allenai/dolma', "''", '42', '~', 'the_pile', '[a]'], r)}\n`,
    ),
  /** A misspelt key. */
  misspell: (t, r) =>
    t.replace(
      new RegExp(`^(${pick(['license', 'datasets', 'language', 'base_model', 'tags'], r)}):`, 'm'),
      (_m, k: string) => `${k}${pick(['s', '_', ''], r)}x:`.replace(/x:$/, ':'),
    ),
};

const modelCards = [...readDir('test/fixtures/cards/models', /\.md$/), ...readDir('examples/cards/model', /\.md$/)];
const datasetCards = [
  ...readDir('test/fixtures/cards/datasets', /\.md$/),
  ...readDir('examples/cards/dataset', /\.md$/),
];

// ---------------------------------------------------------------------------------------

// CycloneDX ML-BOMs: the fixtures (one hand-written, two of the CycloneDX project's), and a manifest's export.
// The same BOMs in block YAML (the format parses YAML 1.2, of which JSON is a part): the broken-YAML fix-safety
// test breaks `key: value` lines, which JSON has none of.
const cycloneDxBoms = readDir('test/fixtures/cyclonedx', /\.json$/);
const cycloneDxAsYaml = cycloneDxBoms.map((s) => ({
  name: `${s.name} (as block YAML)`,
  text: stringifyYaml(parseYaml(s.text)),
}));

// SPDX 3 AI-BOMs: the hand-written fixture, the same with license ids to respell (what the quick fixes change), and
// both in block YAML (see the CycloneDX BOMs above).
const spdx3Fixtures = readDir('test/fixtures/spdx3', /\.spdx3\.json$/);
const spdx3Documents = [
  ...spdx3Fixtures,
  ...spdx3Fixtures.flatMap((s) =>
    variant(s, 'misspelt licenses', (t) =>
      t.replace('"Apache-2.0"', '"apache 2.0"').replace(/"LicenseRef-Llama-2"/, '"GPL-2.0"'),
    ),
  ),
];
const spdx3AsYaml = spdx3Documents.map((s) => ({
  name: `${s.name} (as block YAML)`,
  text: stringifyYaml(parseYaml(s.text)),
}));

export const CORPORA: Readonly<Record<string, FormatCorpus>> = {
  osai: {
    uri: 'file:///fuzz/osai.yaml',
    languageId: 'osai-manifest',
    seeds: manifests,
    fixtures: manifests,
  },
  mof: {
    uri: 'file:///fuzz/model.yml',
    languageId: 'yaml',
    seeds: unique([
      ...mofFixtures,
      ...readDir('test/fixtures/mof-corpus', /\.yml$/, (f) => MOF_CORPUS_SEEDS.includes(f)),
    ]),
    fixtures: unique([
      ...mofFixtures,
      ...readDir('examples/models', /\.ya?ml$/),
      ...readDir(
        'test/fixtures/mof-corpus',
        /\.yml$/,
        (f, i) => MOF_CORPUS_SEEDS.includes(f) || i % MOF_CORPUS_STRIDE === 0,
      ),
      // The fixtures have no comments and are all in MOT's style; fixes must handle what users write too.
      ...mofFixtures.flatMap((s) => variant(s, 'commented', withComments)),
      ...variant(byName('Pythia-1B.yml'), 'CRLF', (t) => t.replace(/\n/g, '\r\n')),
      ...variant(byName('Pythia-1B.yml'), 'misspelt', misspell),
      ...variant(byName('Pythia-1B.yml'), 'misspelt, commented, CRLF', (t) =>
        withComments(misspell(t)).replace(/\n/g, '\r\n'),
      ),
      ...variant(byName('Granite-4-1.yml'), 'misspelt, - name: items', (t) => misspell(dashNameStyle(t))),
      ...variant(byName('Llama-3-8B.yml'), '- name: items', dashNameStyle),
      ...variant(byName('gemma-7b.yml'), '- name: items, commented', (t) => withComments(dashNameStyle(t))),
      ...variant(byName('Llama-3-8B.yml'), 'flow components', flowComponents),
      ...variant(byName('Mistral-7B-v0.1.yml'), 'components: []', (t) =>
        replaceBlock(t, COMPONENTS_KEY, (i) => [`${i}components: []`]),
      ),
      ...variant(byName('Mistral-7B-v0.1.yml'), 'components: ~', (t) =>
        replaceBlock(t, COMPONENTS_KEY, (i) => [`${i}components: ~`]),
      ),
      ...variant(byName('Mistral-7B-v0.1.yml'), 'no components', (t) => replaceBlock(t, COMPONENTS_KEY, () => [])),
      ...variant(byName('OLMo-7B.yml'), 'global licenses', (t) =>
        replaceBlock(t, RELEASE_LICENSE_KEY, (i) => [
          `${i}license:`,
          `${i}  code:`,
          `${i}    name: 'Apache 2.0'`,
          `${i}  data:`,
          `${i}    name: ODC-By-1.0`,
          `${i}  document:`,
          `${i}    name: CC-BY-4.0`,
        ]),
      ),
    ]),
    bodyStart: mofBodyStart,
    mutations: MOF_MUTATIONS,
    extraActions: (parsed) => mofClassActions(parsed),
    checkFix: checkMofFix,
  },
  modelcard: {
    uri: 'file:///fuzz/README.md',
    languageId: 'markdown',
    seeds: unique(modelCards),
    fixtures: unique([
      ...modelCards,
      ...modelCards.slice(0, 3).flatMap((s) => variant(s, 'CRLF', (t) => t.replace(/\r?\n/g, '\r\n'))),
    ]),
    bodyStart: cardBodyStart,
    mutations: CARD_MUTATIONS,
  },
  datasetcard: {
    uri: 'file:///fuzz/README.md',
    languageId: 'markdown',
    seeds: unique(datasetCards),
    fixtures: unique([
      ...datasetCards,
      ...datasetCards.slice(0, 2).flatMap((s) => variant(s, 'CRLF', (t) => t.replace(/\r?\n/g, '\r\n'))),
    ]),
    bodyStart: cardBodyStart,
    mutations: { license: CARD_MUTATIONS.license, misspell: CARD_MUTATIONS.misspell },
  },
  cyclonedx: {
    uri: 'file:///fuzz/model.cdx.json',
    languageId: 'json',
    seeds: cycloneDxBoms,
    fixtures: [...cycloneDxBoms, ...cycloneDxAsYaml],
  },
  spdx3: {
    uri: 'file:///fuzz/model.spdx3.json',
    languageId: 'json',
    seeds: spdx3Documents,
    fixtures: [...spdx3Documents, ...spdx3AsYaml],
  },
};

/**
 * The YAML breakages a user leaves mid-edit, each made on the middle `key: value` line of a
 * text's body (below the format's header; in a card, inside the front matter): an
 * unterminated quote (which swallows the rest of the file, hiding keys that are there), an
 * unclosed flow sequence, and a tab as indentation.
 */
const BREAKAGES: ReadonlyArray<readonly [string, (key: string, value: string) => string]> = [
  ['unterminated quote', (key, value) => `${key} "${value}`],
  ['unclosed flow sequence', (key, value) => `${key} [${value}`],
  ['tab indentation', (key, value) => `\t${key.replace(/^[ \t]+/, '')} ${value}`],
];

/**
 * Variants of every `stride`-th fixture with a YAML syntax error, for the fix-safety property
 * under broken YAML: each breakage in turn, or (`every`) all of them on each fixture.
 */
export function brokenFixtures(corpus: FormatCorpus, stride: number, every = false): Seed[] {
  const out: Seed[] = [];
  corpus.fixtures.forEach((seed, n) => {
    if (n % stride !== 0) return;
    for (const [name, breakage] of every ? BREAKAGES : [BREAKAGES[(n / stride) % BREAKAGES.length]])
      out.push(...broken(corpus, seed, name, breakage));
  });
  return out;
}

/** `seed` with `breakage` made on the middle `key: value` line of its body (none when it has no such line). */
function broken(
  corpus: FormatCorpus,
  seed: Seed,
  name: string,
  breakage: (key: string, value: string) => string,
): Seed[] {
  const l = lines(seed.text);
  const end = corpus.languageId === 'markdown' ? l.findIndex((line, i) => i > 0 && /^---\r?$/.test(line)) : l.length;
  const candidates = linesMatching(l, KEY_PLAIN_VALUE, (corpus.bodyStart ?? (() => 0))(l)).filter((i) => i < end);
  if (candidates.length === 0) return [];
  const at = candidates[Math.floor(candidates.length / 2)];
  const [, key, value, cr] = KEY_PLAIN_VALUE.exec(l[at])!;
  l[at] = breakage(key, value) + cr;
  return [{ name: `${seed.name} (${name}, line ${at + 1})`, text: l.join('\n') }];
}

/**
 * A `key: value` line (or `- key: value`) whose value is a plain scalar: group 1 the key with its colon, 2 the value, 3
 * a CR.
 */
const KEY_PLAIN_VALUE = /^([ \t]*(?:- )?[A-Za-z_][\w.-]*:)[ \t]+([A-Za-z0-9][^#'"{}[\]\r]*?)(\r?)$/;

/** The corpus of a format id; throws naming the id when there is none. */
export function corpusFor(id: string): FormatCorpus {
  const corpus = CORPORA[id];
  if (!corpus) throw new Error(`no fuzz/fix-safety corpus for the format "${id}": add one to test/fuzz/corpora.ts`);
  return corpus;
}
