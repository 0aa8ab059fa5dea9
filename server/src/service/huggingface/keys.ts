/**
 * The front-matter keys of Hugging Face model and dataset cards (huggingface/hub-docs
 * modelcard.md, datasetcard.md), and which of them tell a card's kind apart.
 */

import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { Codes } from '../diagnostics/codes';
import { editDistance } from '../text/suggest';
import { parseFrontMatter, startsWithFrontMatter } from '../yaml/frontMatter';
import type { YamlParse } from '../yaml/parse';

/** Keys only model cards have: one of them makes a Markdown file's front matter a model card. */
export const MODEL_CARD_MARKERS: readonly string[] = [
  'license',
  'license_name',
  'license_link',
  'datasets',
  'base_model',
  'base_model_relation',
  'library_name',
  'pipeline_tag',
  'model-index',
  'new_version',
];

/** Keys only dataset cards have. */
export const DATASET_CARD_MARKERS: readonly string[] = [
  'annotations_creators',
  'language_creators',
  'source_datasets',
  'task_categories',
  'task_ids',
  'size_categories',
  'configs',
  'dataset_info',
  'pretty_name',
  'paperswithcode_id',
  'train-eval-index',
  'multilinguality',
];

function keysOf(value: unknown): string[] {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value) : [];
}

export function isDatasetCardValue(value: unknown): boolean {
  return keysOf(value).some((k) => DATASET_CARD_MARKERS.includes(k));
}

/**
 * A marker, or a misspelling of one (`licenses`, `dataset`): such a card is still a card, whose Hub rules say what is
 * wrong.
 */
function nearMarker(key: string, markers: readonly string[]): boolean {
  return markers.includes(key) || (key.length >= 5 && markers.some((m) => editDistance(key.toLowerCase(), m, 3) <= 2));
}

/**
 * A model card: a model-card marker (or a misspelling of one), or front matter made only of
 * keys Hub cards have with at least one a model card uses (`language` and `tags` alone): the
 * Hub's default kind of repository, whose card then states no license — which the OSAID view
 * must say, not pass over. Front matter with other keys (a blog post's `title`, `layout`) is not a card.
 */
export function isModelCardValue(value: unknown): boolean {
  const keys = keysOf(value);
  if (keys.length === 0 || isDatasetCardValue(value)) return false;
  if (keys.some((k) => nearMarker(k, MODEL_CARD_MARKERS))) return true;
  return keys.every((k) => ALL_CARD_KEYS.has(k)) && keys.some((k) => MODEL_CARD_KEYS.includes(k));
}

/**
 * A card whose front matter could not be read (an alias bomb, nesting past the guard, over the
 * token budget): which kind its keys say it is, so that it is reported rather than passed over.
 */
export function unreadableCardKind(parse: YamlParse): CardKeyKind | undefined {
  if (parse.value !== undefined || !parse.topLevelKeys) return undefined;
  if (
    !parse.parseDiagnostics.some((d) => d.severity === DiagnosticSeverity.Error || d.code === Codes.tooComplex) ||
    parse.parseDiagnostics.some((d) => d.code === Codes.tooLarge)
  )
    return undefined;
  const keys = parse.topLevelKeys;
  if (keys.some((k) => DATASET_CARD_MARKERS.includes(k))) return 'dataset';
  return keys.some((k) => MODEL_CARD_MARKERS.includes(k) || ALL_CARD_KEYS.has(k)) ? 'model' : undefined;
}

/** A Markdown document that may be a card: by language or name, and a front matter marker on line 1. */
export function mayBeCard(uri: string, languageId: string): boolean {
  return languageId === 'markdown' || /\.md$/i.test(uri.replace(/[?#].*$/, ''));
}

/** `README.md`: the file the folder walk of `osai-check` looks at for cards. */
export const CARD_FILE_NAME = /^readme\.md$/i;

/**
 * How both card formats find their documents: `README.md` in folders; a Markdown document
 * with a front matter marker on its first line may be one (other Markdown costs that look
 * only); the front matter alone is parsed, once for both formats, which then tell their kind
 * apart by its keys (`confirm`).
 */
export const CARD_RECOGNITION = {
  fileNames: CARD_FILE_NAME,
  recognise: ({ uri, languageId, text }: { uri: string; languageId: string; text: string }): 'maybe' | 'no' =>
    mayBeCard(uri, languageId) && startsWithFrontMatter(text) ? 'maybe' : 'no',
  parse: parseFrontMatter,
};

// ---------------------------------------------------------------------------------------
// Every key the Hub documents for each kind of card, with what the Hub does with it (our
// words, from huggingface/hub-docs modelcard.md, datasetcard.md, docs/hub/model-cards.md and
// docs/hub/repositories-licenses.md). Hovers, completion and the misspelt-key rule read it.

export type CardKeyKind = 'model' | 'dataset';

export const MODEL_CARDS_DOC = 'https://huggingface.co/docs/hub/model-cards';
export const DATASET_CARDS_DOC = 'https://huggingface.co/docs/hub/datasets-cards';
export const LICENSES_DOC = 'https://huggingface.co/docs/hub/repositories-licenses';

export interface CardKeyDoc {
  key: string;
  /** The kinds of card that use it. */
  kinds: readonly CardKeyKind[];
  /** One line (completion detail). */
  summary: string;
  /** What the Hub does with it (Markdown). */
  doc: string;
  /** How the OSAID view reads it, where it does. */
  osaid?: string;
  /** A license key: its hover also links the Hub's license list. */
  license?: boolean;
}

const BOTH: readonly CardKeyKind[] = ['model', 'dataset'];
const MODEL: readonly CardKeyKind[] = ['model'];
const DATASET: readonly CardKeyKind[] = ['dataset'];

const GATING = 'Gating: for a repository whose files people must ask access to, ';

/** In the order completion offers them (the templates' order, the most used first). */
export const CARD_KEY_DOCS: readonly CardKeyDoc[] = [
  {
    key: 'language',
    kinds: BOTH,
    summary: 'Languages (ISO 639-1 codes)',
    doc:
      'The languages of the model or dataset, as ISO 639-1 codes (`en`, ' +
      '`fr`), a list or one code. The Hub shows them on the page and lets ' +
      'people filter by language.',
    osaid: 'For a dataset: part of its scope and characteristics.',
  },
  {
    key: 'license',
    kinds: BOTH,
    license: true,
    summary: "One id from the Hub's license list",
    doc:
      "The license, written as one id from the Hub's list of 83 (lowercase: " +
      '`apache-2.0`, `mit`, `cc-by-4.0`, `llama3`). The Hub refuses metadata ' +
      'whose `license` is not on the list, shows the license on the ' +
      'repository page and lets people filter by it. For a license that is ' +
      'not on the list, write `other` and name it with `license_name` and `license_link`.',
    osaid: 'For a model card: the terms of the weights. For a dataset card: the terms of the data.',
  },
  {
    key: 'license_name',
    kinds: BOTH,
    license: true,
    summary: 'With `license: other`: an id for the license',
    doc:
      'Only meaningful with `license: other`: a short id the Hub shows for a ' +
      'license that is not on its list, lowercase with dashes, such as ' +
      '`my-license-1.0` (older cards use names like `tongyi-qianwen` or ' +
      '`deepseek`). Licenses on the list need no name: write their id in `license`.',
  },
  {
    key: 'license_link',
    kinds: BOTH,
    license: true,
    summary: 'With `license: other`: where the license text is',
    doc:
      'Only meaningful with `license: other`: where the license text is — ' +
      '`LICENSE` or `LICENSE.md` for a file of that name in the repository, ' +
      'or a URL. Licenses on the list need no link.',
  },
  {
    key: 'license_details',
    kinds: DATASET,
    license: true,
    summary: 'Legacy free-text license details',
    doc:
      'Legacy free text about the license from older dataset cards. Prefer ' +
      '`license: other` with `license_name` and `license_link`.',
  },
  {
    key: 'tags',
    kinds: BOTH,
    summary: 'Free-form tags',
    doc: "Free-form tags (a list) shown on the page and used by the Hub's search.",
  },
  {
    key: 'library_name',
    kinds: MODEL,
    summary: 'The library that loads the model',
    doc:
      'The library that loads the model (`transformers`, `diffusers`, `gguf`, ' +
      "…). The Hub shows it, filters by it and uses it for the model page's " +
      '"Use this model" code snippets.',
  },
  {
    key: 'pipeline_tag',
    kinds: MODEL,
    summary: "The model's task",
    doc:
      'The task the model performs (`text-generation`, ' +
      '`image-classification`, …). The Hub files the model under that task in ' +
      'its search and picks the inference widget from it.',
  },
  {
    key: 'datasets',
    kinds: MODEL,
    summary: 'Hub ids of the training datasets',
    doc:
      'The datasets the model was trained on, as Hub dataset ids ' +
      '(`owner/name`; older datasets have no owner, e.g. `gsm8k`). The Hub ' +
      "links them from the model page, and each dataset's page lists the models trained on it.",
    osaid: 'Read as the listing of the training data (a complete data description still belongs in an osai.yaml).',
  },
  {
    key: 'metrics',
    kinds: MODEL,
    summary: 'Evaluation metric ids',
    doc: 'The ids of the metrics the model was evaluated with (`accuracy`, `wer`, …).',
  },
  {
    key: 'base_model',
    kinds: MODEL,
    summary: 'The model this one derives from',
    doc:
      'The Hub id of the model this one was derived from, or a list of ids ' +
      'for a merge. The Hub draws the model tree from it and lists this model ' +
      "on the base model's page.",
  },
  {
    key: 'base_model_relation',
    kinds: MODEL,
    summary: '`adapter`, `merge`, `quantized` or `finetune`',
    doc:
      'How the model relates to its `base_model`: `adapter`, `merge`, ' +
      '`quantized` or `finetune`. Without it the Hub infers the relation.',
  },
  {
    key: 'model-index',
    kinds: MODEL,
    summary: 'Structured evaluation results',
    doc:
      'Structured evaluation results: for each result the task, the dataset, ' +
      'the metrics and their values, and the source. The Hub renders them on the model page.',
  },
  {
    key: 'new_version',
    kinds: MODEL,
    summary: 'The id of a newer model',
    doc: "The Hub id of a newer version of this model; the Hub points this model's visitors to it.",
  },
  {
    key: 'pretty_name',
    kinds: DATASET,
    summary: "The dataset's display name",
    doc: 'A human-readable name for the dataset, shown on its page.',
  },
  {
    key: 'language_details',
    kinds: DATASET,
    summary: 'Languages as BCP-47 codes',
    doc: 'The languages in more detail than `language`, as BCP-47 codes (`en-US`, `fr-CA`).',
  },
  {
    key: 'annotations_creators',
    kinds: DATASET,
    summary: 'Who made the annotations',
    doc:
      'Who made the labels: `crowdsourced`, `found`, `expert-generated`, ' +
      '`machine-generated`, or `no-annotation` when the data has none.',
    osaid: 'Read as how the data was labeled (`no-annotation` states that no labeling was done).',
  },
  {
    key: 'language_creators',
    kinds: DATASET,
    summary: 'Who made the text',
    doc:
      'Who produced the text itself, in the same words as ' +
      '`annotations_creators` (`crowdsourced`, `found`, `expert-generated`, `machine-generated`).',
    osaid: 'Read as how the data was obtained.',
  },
  {
    key: 'multilinguality',
    kinds: DATASET,
    summary: 'Monolingual, multilingual, translation',
    doc:
      'Whether the dataset is in one language or several (`monolingual`, ' +
      '`multilingual`, `translation`); a search filter on the Hub.',
  },
  {
    key: 'size_categories',
    kinds: DATASET,
    summary: 'Size bucket (`n<1K`, `100K<n<1M`, …)',
    doc:
      "The dataset's size as one of the Hub's buckets of example counts " +
      '(`n<1K`, `1K<n<10K`, `100K<n<1M`, …); a search filter on the Hub.',
    osaid: "Part of the data's scope and characteristics.",
  },
  {
    key: 'source_datasets',
    kinds: DATASET,
    summary: 'Where the data comes from',
    doc:
      'Where the data comes from: `original` for new data, ' +
      '`extended|<dataset>` for data built on another dataset, or the ids of source datasets.',
    osaid: "Read as the data's provenance.",
  },
  {
    key: 'task_categories',
    kinds: DATASET,
    summary: 'Tasks the dataset serves',
    doc:
      'The tasks the dataset is meant for (`text-generation`, ' +
      '`question-answering`, …); the Hub files the dataset under them.',
  },
  {
    key: 'task_ids',
    kinds: DATASET,
    summary: 'Finer-grained task ids',
    doc: 'Finer-grained tasks within `task_categories` (`extractive-qa`, `language-modeling`, …).',
  },
  {
    key: 'paperswithcode_id',
    kinds: DATASET,
    summary: "The dataset's Papers with Code id",
    doc: "The dataset's id on Papers with Code, which the Hub links to.",
  },
  {
    key: 'configs',
    kinds: DATASET,
    summary: 'Subsets and their data files',
    doc:
      "The dataset's subsets: each has a `config_name` and `data_files` (each " +
      "with a `split` and a `path` pattern). The Hub's dataset viewer and the " +
      '`datasets` library load the files from it.',
  },
  {
    key: 'dataset_info',
    kinds: DATASET,
    summary: 'Features, splits and sizes',
    doc:
      "The dataset's features (columns and their types), its splits with " +
      '`num_bytes` and `num_examples`, `download_size` and `dataset_size`; ' +
      'the Hub shows the sizes on the page.',
    osaid: "Its sizes are part of the data's scope and characteristics.",
  },
  {
    key: 'train-eval-index',
    kinds: DATASET,
    summary: 'How to evaluate on the dataset',
    doc:
      'How to evaluate models on this dataset: the config, task, splits and ' +
      'column mapping used by evaluation tools.',
  },
  {
    key: 'extra_gated_prompt',
    kinds: BOTH,
    summary: 'Gating: text shown to access requests',
    doc: `${GATING}the text people read before asking for access (often the license terms they accept).`,
  },
  {
    key: 'extra_gated_fields',
    kinds: BOTH,
    summary: 'Gating: extra form fields',
    doc: `${GATING}the extra fields the access form asks for (name, affiliation, a checkbox to accept terms, …).`,
  },
  {
    key: 'extra_gated_heading',
    kinds: BOTH,
    summary: 'Gating: heading of the access form',
    doc: `${GATING}the heading of the access form.`,
  },
  {
    key: 'extra_gated_description',
    kinds: BOTH,
    summary: 'Gating: description of the access form',
    doc: `${GATING}the description shown on the access form.`,
  },
  {
    key: 'extra_gated_button_content',
    kinds: BOTH,
    summary: "Gating: label of the form's button",
    doc: `${GATING}the label of the button that sends the request.`,
  },
  {
    key: 'extra_gated_eu_disallowed',
    kinds: BOTH,
    summary: 'Gating: refuse requests from the EU',
    doc: `${GATING}\`true\` refuses access requests from the European Union.`,
  },
  {
    key: 'gated',
    kinds: BOTH,
    summary: 'Access needs a request',
    doc:
      "Whether people must ask for access to the repository's files (`true`; " +
      'the Hub reports `auto` or `manual` approval).',
    osaid:
      'Conditions on access: OSAID asks that the components be obtainable by ' +
      'anyone; gated weights deserve a look at what the form asks.',
  },
  {
    key: 'widget',
    kinds: MODEL,
    summary: 'Example inputs for the inference widget',
    doc: "Example inputs the model page's inference widget offers.",
  },
  {
    key: 'inference',
    kinds: MODEL,
    summary: 'Inference widget on or off, or its parameters',
    doc: 'Whether the model page shows the inference widget (`false` hides it), or the parameters it uses.',
  },
  {
    key: 'thumbnail',
    kinds: MODEL,
    summary: 'Image for previews',
    doc: 'The URL of an image used when the page is shared.',
  },
  {
    key: 'co2_eq_emissions',
    kinds: MODEL,
    summary: 'Carbon emitted in training',
    doc:
      'The CO₂-equivalent emissions of training (in grams, or with its ' +
      'source, training type, location and hardware), shown on the model page.',
  },
  {
    key: 'buckets',
    kinds: MODEL,
    summary: 'Storage buckets linked to the model',
    doc: 'Hub storage buckets (`owner/name`) linked from the model page.',
  },
  {
    key: 'model_name',
    kinds: MODEL,
    summary: 'A name for the model',
    doc: 'A name for the model, used with `model-index` evaluation results.',
  },
  {
    key: 'viewer',
    kinds: DATASET,
    summary: 'Dataset viewer on or off',
    doc: 'Whether the Hub shows the dataset viewer for this dataset (`false` turns it off).',
  },
];

const DOC_BY_KEY: ReadonlyMap<string, CardKeyDoc> = new Map(CARD_KEY_DOCS.map((d) => [d.key, d]));

/** The documentation of a key for a kind of card (undefined when that kind does not use it). */
export function cardKeyDoc(key: string, kind: CardKeyKind): CardKeyDoc | undefined {
  const doc = DOC_BY_KEY.get(key);
  return doc?.kinds.includes(kind) ? doc : undefined;
}

/** The keys a kind of card uses, in completion order. */
export function cardKeys(kind: CardKeyKind): readonly string[] {
  return kind === 'model' ? MODEL_CARD_KEYS : DATASET_CARD_KEYS;
}

export const MODEL_CARD_KEYS: readonly string[] = CARD_KEY_DOCS.filter((d) => d.kinds.includes('model')).map(
  (d) => d.key,
);
export const DATASET_CARD_KEYS: readonly string[] = CARD_KEY_DOCS.filter((d) => d.kinds.includes('dataset')).map(
  (d) => d.key,
);

/** Keys either kind of card knows: never reported as misspelt, whichever the card is. */
export const ALL_CARD_KEYS: ReadonlySet<string> = new Set([
  ...CARD_KEY_DOCS.map((d) => d.key),
  ...MODEL_CARD_MARKERS,
  ...DATASET_CARD_MARKERS,
]);
