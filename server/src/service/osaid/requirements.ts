/**
 * The manifest's requirements, declared once. Diagnostics, hovers, quick fixes,
 * completion, the outline and the published JSON Schema all read this table.
 *
 * A `path` is a pattern over the manifest: dot-separated keys, `[]` for "any list item"
 * (e.g. `data_information.training_data[].kind`). It doubles as the stable id of the
 * requirement and is what diagnostics carry in `data.requirement`.
 */
import type { LicenseTest } from '../licenses';

export type Level = 'required' | 'recommended' | 'optional';
export type Group = 'manifest' | 'system' | 'parameters' | 'code' | 'data_information';

/** What the value looks like; drives the schema, placeholders and skeletons. */
export type Shape =
  | { kind: 'section' } // a mapping whose keys are further requirements
  | { kind: 'list'; minItems: number } // a sequence of mappings; item keys are `path[].key`
  | { kind: 'text' } // free text or a URL/path
  // An SPDX license expression. `informative`: terms are reported, but OSAID does not require them open.
  | { kind: 'license'; test: LicenseTest; informative?: boolean }
  | { kind: 'enum'; values: readonly string[]; default: string }
  | { kind: 'date' }
  | { kind: 'boolean' }
  | { kind: 'version'; values: readonly string[] };

/** A requirement that holds only when a sibling key has a given value (training data kinds). */
export interface Condition {
  sibling: string;
  equals: string;
}

export interface Requirement {
  path: string;
  title: string;
  level: Level;
  group: Group;
  shape: Shape;
  when?: Condition;
  /** One line: what must be there. */
  summary: string;
  /** Markdown: why OSAID asks for it, in this project's words. */
  explanation: string;
  /** A YAML example of the value (or of `key: value` lines for sections). */
  example?: string;
  source: string;
  /**
   * The element may truly not exist (no labeling step; no supporting library outside the
   * training code): a statement that it does not apply, with its reason, meets the
   * requirement. The example statement; a bare `none` / `N/A` is still a placeholder.
   */
  mayNotApply?: string;
  /**
   * Supporting material (documentation): a missing or non-open license is a warning — the
   * element then cannot count towards the requirement — not an unmet requirement.
   */
  supporting?: boolean;
}

const OSAID = 'https://opensource.org/ai/open-source-ai-definition';
const FAQ = 'https://hackmd.io/@opensourceinitiative/osaid-faq';
const CHECKLIST = 'https://opensource.org/ai/open-source-ai-definition#checklist';

const table: Requirement[] = [];

function add(req: Requirement): void {
  table.push(req);
}

/** A code/parameters component: `{location, license}`, both required inside it. */
function component(
  path: string,
  title: string,
  level: Level,
  group: Group,
  test: LicenseTest,
  summary: string,
  explanation: string,
): void {
  add({
    path,
    title,
    level,
    group,
    shape: { kind: 'section' },
    summary,
    explanation,
    source: OSAID,
    example: `location: https://github.com/example/project/tree/main/${path.split('.').pop()}\nlicense: Apache-2.0`,
  });
  locationAndLicense(path, title, group, test);
}

interface LicenseOptions {
  when?: Condition;
  informative?: boolean;
  supporting?: boolean;
}

function locationAndLicense(
  path: string,
  title: string,
  group: Group,
  test: LicenseTest,
  options: LicenseOptions = {},
): void {
  const { when, informative, supporting } = options;
  add({
    path: `${path}.location`,
    title: `${title}: location`,
    level: 'required',
    group,
    shape: { kind: 'text' },
    when,
    summary: 'Where to obtain it: a URL or a path in the release.',
    explanation:
      'Openness is only useful when people can actually get the artefact. ' +
      'Give a stable URL (repository, archive, model hub) or a path inside the release.',
    example: 'https://github.com/example/project',
    source: OSAID,
  });
  if (informative) {
    add({
      path: `${path}.license`,
      title: `${title}: license`,
      level: 'optional',
      group,
      shape: { kind: 'license', test, informative },
      summary: 'The license of the data, as an SPDX expression (informative).',
      explanation:
        'OSAID does not require the training data itself to be openly licensed: ' +
        'it requires that it is listed and described. Stating its terms still ' +
        'helps others rebuild the system lawfully, so non-open terms are ' +
        'reported as information only.',
      example: 'ODC-By-1.0',
      source: FAQ,
    });
    return;
  }
  if (supporting) {
    add({
      path: `${path}.license`,
      title: `${title}: license`,
      level: 'required',
      group,
      shape: { kind: 'license', test },
      when,
      supporting,
      summary: "The terms the document is published under, as an SPDX expression or the license's name.",
      explanation:
        'Documentation is supporting material in the OSAID checklist: a paper ' +
        'or data card under unknown or non-open terms does not fail the ' +
        'release, but it cannot count as data information, which must itself be ' +
        "shareable. Papers on arXiv are usually under arXiv's non-exclusive " +
        'distribution license (known, not open) unless the authors chose a ' +
        'Creative Commons license.',
      example: 'CC-BY-4.0',
      source: CHECKLIST,
    });
    return;
  }
  add({
    path: `${path}.license`,
    title: `${title}: license`,
    level: 'required',
    group,
    shape: { kind: 'license', test },
    when,
    summary:
      test === 'osi'
        ? 'An SPDX license expression; code must be under an OSI-approved license.'
        : 'An SPDX license expression; the terms must be OSD-conformant ' +
          '(OSI-approved, or an open data/content license).',
    explanation:
      test === 'osi'
        ? 'OSAID 1.0 asks for all code under OSI-approved licenses, so that ' +
          'anyone may use, study, modify and share it. Licenses with ' +
          'non-commercial, no-derivatives or field-of-use clauses do not qualify.'
        : 'OSAID 1.0 asks for terms that let anyone use, study, modify and share ' +
          'for any purpose ("OSD-conformant"). Any OSI-approved license ' +
          'qualifies, and so do open data and content licenses such as CC0-1.0, ' +
          'CC-BY-4.0, CC-BY-SA-4.0, CDLA-Permissive-2.0, ODC-By-1.0 or ODbL-1.0. ' +
          'Non-commercial (-NC), no-derivatives (-ND) and use-restricted terms ' +
          '(e.g. Llama, Gemma, RAIL licenses) never qualify.',
    example: test === 'osi' ? 'Apache-2.0' : 'CC-BY-4.0',
    source: test === 'osi' ? OSAID : FAQ,
  });
}

// --- the manifest itself -------------------------------------------------------------
add({
  path: 'osaid',
  title: 'OSAID version',
  level: 'required',
  group: 'manifest',
  shape: { kind: 'version', values: ['1.0'] },
  summary: 'The version of the Open Source AI Definition the release is checked against.',
  explanation:
    'Pins the rules: this extension checks against OSAID 1.0, published by the Open Source Initiative in October 2024.',
  example: '"1.0"',
  source: OSAID,
});

// --- system ---------------------------------------------------------------------------
add({
  path: 'system',
  title: 'AI system',
  level: 'required',
  group: 'system',
  shape: { kind: 'section' },
  summary: 'What is being released and by whom.',
  explanation:
    'Identifies the AI system the manifest describes, so reviewers can tell which release the verdict applies to.',
  example: 'name: OLMo-7B\nproducer: Allen Institute for AI',
  source: OSAID,
});
add({
  path: 'system.name',
  title: 'System name',
  level: 'required',
  group: 'system',
  shape: { kind: 'text' },
  summary: 'The name of the AI system.',
  explanation: 'The name people know the release by.',
  example: 'OLMo-7B',
  source: OSAID,
});
add({
  path: 'system.version',
  title: 'System version',
  level: 'optional',
  group: 'system',
  shape: { kind: 'text' },
  summary: 'The version of this release.',
  explanation: 'Lets reviewers tell releases of the same system apart. Quote it (`"1.0"`) so YAML keeps it a string.',
  example: '"1.0"',
  source: OSAID,
});
add({
  path: 'system.producer',
  title: 'Producer',
  level: 'required',
  group: 'system',
  shape: { kind: 'text' },
  summary: 'Who produces and releases the system.',
  explanation: 'The organisation or people responsible for the release and its terms.',
  example: 'Allen Institute for AI',
  source: OSAID,
});
add({
  path: 'system.release_date',
  title: 'Release date',
  level: 'optional',
  group: 'system',
  shape: { kind: 'date' },
  summary: 'The release date, as YYYY-MM-DD.',
  explanation: 'When this release was published.',
  example: '2024-02-01',
  source: OSAID,
});
add({
  path: 'system.homepage',
  title: 'Homepage',
  level: 'optional',
  group: 'system',
  shape: { kind: 'text' },
  summary: 'A URL describing the release.',
  explanation: 'Where people can read about the system.',
  example: 'https://allenai.org/olmo',
  source: OSAID,
});

// --- parameters -------------------------------------------------------------------------
add({
  path: 'parameters',
  title: 'Parameters',
  level: 'required',
  group: 'parameters',
  shape: { kind: 'section' },
  summary: 'The model parameters: weights and other configuration settings.',
  explanation:
    'OSAID counts the trained parameters as one of the three parts of the ' +
    'preferred form for making modifications. They must be available under ' +
    'OSD-conformant terms.',
  example: 'weights:\n  location: https://huggingface.co/example/model\n  license: Apache-2.0',
  source: OSAID,
});
component(
  'parameters.weights',
  'Model weights',
  'required',
  'parameters',
  'open',
  'The final model weights and configuration, with their location and license.',
  'Without the final weights nobody can run, study or fine-tune the ' +
    'system. OSAID requires them under terms that allow use, study, ' +
    'modification and sharing for any purpose.',
);
component(
  'parameters.checkpoints',
  'Intermediate checkpoints',
  'recommended',
  'parameters',
  'open',
  'Checkpoints from key intermediate stages of training.',
  'OSAID lists intermediate checkpoints among the parameters a release ' +
    'may include; they let others study how training progressed or resume it.',
);
component(
  'parameters.optimizer_state',
  'Optimizer state',
  'recommended',
  'parameters',
  'open',
  'The final optimizer state.',
  'OSAID lists the final optimizer state among the parameters a release ' +
    'may include; with it, others can continue training exactly where the producer stopped.',
);

// --- code -------------------------------------------------------------------------------
add({
  path: 'code',
  title: 'Code',
  level: 'required',
  group: 'code',
  shape: { kind: 'section' },
  summary: 'The complete source code used to train and run the system, under OSI-approved licenses.',
  explanation:
    'OSAID requires all the code that turns data into the model and runs ' +
    'it: data processing, training, evaluation, inference, the architecture ' +
    'and supporting libraries, each under an OSI-approved license.',
  example: 'training:\n  location: https://github.com/example/train\n  license: Apache-2.0',
  source: OSAID,
});
component(
  'code.data_processing',
  'Data processing code',
  'required',
  'code',
  'osi',
  'Code that processes and filters the training data.',
  'The data pipeline is part of how the system was made: OSAID asks for ' +
    'the code that cleaned, filtered and prepared the training data.',
);
component(
  'code.training',
  'Training code',
  'required',
  'code',
  'osi',
  'Training code, including the arguments and settings used.',
  'OSAID asks for the training code together with the hyperparameters and ' +
    'settings actually used, so that a skilled person can train a ' +
    'substantially equivalent system.',
);
component(
  'code.evaluation',
  'Evaluation code',
  'required',
  'code',
  'osi',
  'Code used for validation and testing.',
  'OSAID names validation and testing code among the code a release must ' +
    'include, so results can be reproduced and checked.',
);
component(
  'code.inference',
  'Inference code',
  'required',
  'code',
  'osi',
  'Code that runs the model.',
  'Without inference code people cannot use the parameters; OSAID requires it under an OSI-approved license.',
);
component(
  'code.architecture',
  'Model architecture code',
  'required',
  'code',
  'osi',
  'Code that defines the model architecture.',
  'The architecture code defines how the parameters are used; OSAID and ' +
    'its checklist require it under an OSI-approved license.',
);
add({
  path: 'code.supporting_libraries',
  title: 'Supporting libraries',
  level: 'required',
  group: 'code',
  shape: { kind: 'list', minItems: 1 },
  summary: 'Libraries and tools the system depends on (tokenizers, hyperparameter search, …).',
  explanation:
    'OSAID names supporting libraries such as tokenizers and ' +
    'hyperparameter-search code. List each with where to get it and its ' +
    'license. When there is none outside the code listed above (the ' +
    'tokenizer lives in the training code), say so and why instead of a list.',
  example: '- name: tokenizers\n  location: https://github.com/huggingface/tokenizers\n  license: Apache-2.0',
  source: OSAID,
  mayNotApply: 'none — the tokenizer and every other tool are part of the training code',
});
add({
  path: 'code.supporting_libraries[].name',
  title: 'Library name',
  level: 'required',
  group: 'code',
  shape: { kind: 'text' },
  summary: "The library's name.",
  explanation: 'Names the supporting library.',
  example: 'tokenizers',
  source: OSAID,
});
locationAndLicense('code.supporting_libraries[]', 'Supporting library', 'code', 'osi');

// --- data information ---------------------------------------------------------------------
add({
  path: 'data_information',
  title: 'Data information',
  level: 'required',
  group: 'data_information',
  shape: { kind: 'section' },
  summary:
    'Enough information about the training data for a skilled person to build a substantially equivalent system.',
  explanation:
    'Data information is the part most releases miss. OSAID 1.0 requires a ' +
    'complete description of all training data (including data that cannot ' +
    'be shared), a list of the publicly available training data and where ' +
    'to get it, and a list of training data obtainable from third parties, including paid data.',
  example:
    'license: CC-BY-4.0\ndescription:\n  provenance: …\ntraining_data:\n  - ' +
    'name: Dolma\n    kind: public\n    location: https://huggingface.co/datasets/allenai/dolma',
  source: OSAID,
});
add({
  path: 'data_information.license',
  title: 'Data information license',
  level: 'required',
  group: 'data_information',
  shape: { kind: 'license', test: 'open' },
  summary: 'The terms the data information itself is published under.',
  explanation:
    'The description of the data must itself be shareable: OSAID asks for ' +
    'it under open terms (OSI-approved, or an open content license such as CC-BY-4.0).',
  example: 'CC-BY-4.0',
  source: OSAID,
});
add({
  path: 'data_information.description',
  title: 'Complete data description',
  level: 'required',
  group: 'data_information',
  shape: { kind: 'section' },
  summary: 'A complete description of all training data, including unshareable data.',
  explanation:
    'OSAID requires the description to cover provenance, scope and ' +
    'characteristics, how the data was obtained and selected, labeling ' +
    'procedures, and processing and filtering methods — for every dataset ' +
    'used, shareable or not.',
  example: 'provenance: Web crawl (Common Crawl 2020–2023), code from GitHub, books from Project Gutenberg\nscope: …',
  source: OSAID,
});
const descriptionItems: Array<[string, string, string, string]> = [
  [
    'provenance',
    'Provenance',
    'Where the training data came from.',
    'Sources and origin of each part of the data: crawls, corpora, licensed collections, in-house data.',
  ],
  [
    'scope',
    'Scope',
    'What the data covers: domains, languages, time span, size.',
    'Tells others what the model has and has not seen, which they need to rebuild or assess it.',
  ],
  [
    'characteristics',
    'Characteristics',
    "The data's properties: formats, distributions, known biases and gaps.",
    'Describes the data well enough that a substitute with the same properties could be assembled.',
  ],
  [
    'collection',
    'Collection and selection',
    'How the data was obtained and selected.',
    'OSAID asks how the data was gathered and chosen: crawling rules, sampling, inclusion and exclusion criteria.',
  ],
  [
    'labeling',
    'Labeling procedures',
    'How labels or annotations were produced, if any.',
    'OSAID asks for the labeling procedures (human annotation, model ' +
      'labels, instructions). When there was no labeling step ' +
      '(self-supervised pre-training on raw text), say so and why: that ' +
      'statement is the answer; a bare `none` is not.',
  ],
  [
    'processing',
    'Processing and filtering',
    'The data processing and filtering methodology.',
    'OSAID asks for the methods used to clean, deduplicate, filter and mix ' +
      'the data, so the pipeline can be reproduced.',
  ],
];
const NOT_APPLICABLE: Readonly<Record<string, string>> = {
  labeling: 'none — self-supervised pre-training on raw text; no human or model labels were used',
};
for (const [key, title, summary, explanation] of descriptionItems) {
  add({
    path: `data_information.description.${key}`,
    title,
    level: 'required',
    group: 'data_information',
    shape: { kind: 'text' },
    summary,
    explanation,
    example: 'A paragraph or a link to the section of the data card that covers it.',
    source: OSAID,
    ...(NOT_APPLICABLE[key] ? { mayNotApply: NOT_APPLICABLE[key] } : {}),
  });
}
add({
  path: 'data_information.training_data',
  title: 'Training data listing',
  level: 'required',
  group: 'data_information',
  shape: { kind: 'list', minItems: 1 },
  summary:
    'Every training dataset: public ones with where to get them, ' +
    'third-party ones with how to obtain them, unshareable ones with why.',
  explanation:
    'OSAID requires a listing of all publicly available training data and ' +
    'where to obtain it, and of all data obtainable from third parties ' +
    '(including for a fee). Its FAQ adds that unshareable data (personal or ' +
    'confidential) cannot be released but must still be described. Use ' +
    '`kind` to say which case applies.',
  example:
    '- name: Dolma\n  kind: public\n  location: https://huggingface.co/datasets/allenai/dolma\n  license: ODC-By-1.0',
  source: FAQ,
});
add({
  path: 'data_information.training_data[].name',
  title: 'Dataset name',
  level: 'required',
  group: 'data_information',
  shape: { kind: 'text' },
  summary: "The dataset's name.",
  explanation: 'Names the dataset.',
  example: 'Dolma',
  source: OSAID,
});
add({
  path: 'data_information.training_data[].kind',
  title: 'Kind of training data',
  level: 'required',
  group: 'data_information',
  shape: { kind: 'enum', values: ['public', 'third_party', 'unshareable'], default: 'public' },
  summary: '`public`, `third_party` or `unshareable`.',
  explanation:
    'The OSAID FAQ sorts training data by availability. `public`: anyone ' +
    'can get it — give `location`. `third_party`: obtainable from someone ' +
    'else, possibly for a fee — give `obtain`. `unshareable`: cannot be ' +
    'released (e.g. personal data) — give `reason`, and describe it in `description`.',
  example: 'public',
  source: FAQ,
});
locationAndLicense('data_information.training_data[]', 'Public dataset', 'data_information', 'open', {
  when: { sibling: 'kind', equals: 'public' },
  informative: true,
});
add({
  path: 'data_information.training_data[].obtain',
  title: 'How to obtain',
  level: 'required',
  group: 'data_information',
  shape: { kind: 'text' },
  when: { sibling: 'kind', equals: 'third_party' },
  summary: 'Where and how third-party data can be obtained.',
  explanation:
    'OSAID requires listing third-party data with where to obtain it, including data available only for a fee.',
  example: 'Licensed from Example News Corp; see https://example.com/licensing',
  source: OSAID,
});
add({
  path: 'data_information.training_data[].fee',
  title: 'Fee',
  level: 'optional',
  group: 'data_information',
  shape: { kind: 'boolean' },
  summary: 'Whether obtaining the data costs money.',
  explanation: 'Paid data is allowed by OSAID as long as it is listed with where to obtain it.',
  example: 'true',
  source: OSAID,
});
add({
  path: 'data_information.training_data[].reason',
  title: 'Why it cannot be shared',
  level: 'required',
  group: 'data_information',
  shape: { kind: 'text' },
  when: { sibling: 'kind', equals: 'unshareable' },
  summary: 'Why the data cannot be released.',
  explanation:
    'The OSAID FAQ accepts unshareable data (personal, confidential) only ' +
    'if it is described; say why it cannot be shared.',
  example: 'Contains personal data of customers (GDPR).',
  source: FAQ,
});
add({
  path: 'data_information.documentation',
  title: 'Data documentation',
  level: 'recommended',
  group: 'data_information',
  shape: { kind: 'list', minItems: 1 },
  summary: 'Data card, datasheet, technical report or research paper.',
  explanation:
    'The OSAID checklist lists datasets, a research paper, a technical ' +
    'report and a data card as data information, in decreasing order of ' +
    'importance. Linking them helps reviewers check the description.',
  example: '- kind: data_card\n  location: https://huggingface.co/datasets/allenai/dolma\n  license: CC-BY-4.0',
  source: CHECKLIST,
});
add({
  path: 'data_information.documentation[].kind',
  title: 'Document kind',
  level: 'required',
  group: 'data_information',
  shape: {
    kind: 'enum',
    values: ['data_card', 'datasheet', 'technical_report', 'research_paper'],
    default: 'data_card',
  },
  summary: '`data_card`, `datasheet`, `technical_report` or `research_paper`.',
  explanation: 'What kind of document this is.',
  example: 'data_card',
  source: CHECKLIST,
});
locationAndLicense('data_information.documentation[]', 'Document', 'data_information', 'open', { supporting: true });

export const requirements: readonly Requirement[] = table;

const byPath = new Map(table.map((r) => [r.path, r]));

/** The requirement for a concrete path (`a.b[3].c`) or a pattern (`a.b[].c`). */
export function requirementFor(path: string): Requirement | undefined {
  return byPath.get(toPattern(path));
}

/** `data_information.training_data[2].kind` → `data_information.training_data[].kind`. */
export function toPattern(path: string): string {
  return path.replace(/\[\d+\]/g, '[]');
}

/** The direct children of a pattern (`''` for the document root), in declaration order. */
export function childrenOf(pattern: string): Requirement[] {
  return childIndex.get(pattern) ?? [];
}

/** The key a requirement occupies in its parent mapping. */
export function keyOf(req: Requirement): string {
  const i = req.path.lastIndexOf('.');
  return i < 0 ? req.path : req.path.slice(i + 1);
}

export function parentPattern(pattern: string): string {
  const i = pattern.lastIndexOf('.');
  return i < 0 ? '' : pattern.slice(0, i);
}

const childIndex = new Map<string, Requirement[]>();
for (const r of table) {
  const parent = parentPattern(r.path);
  let list = childIndex.get(parent);
  if (!list) childIndex.set(parent, (list = []));
  list.push(r);
}
