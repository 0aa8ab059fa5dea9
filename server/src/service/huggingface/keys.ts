/**
 * The front-matter keys of Hugging Face model and dataset cards (huggingface/hub-docs
 * modelcard.md, datasetcard.md), and which of them tell a card's kind apart.
 */

import { editDistance } from '../text/suggest';

/** Keys only model cards have: one of them makes a Markdown file's front matter a model card. */
export const MODEL_CARD_MARKERS: readonly string[] = [
  'license', 'license_name', 'license_link', 'datasets', 'base_model', 'base_model_relation',
  'library_name', 'pipeline_tag', 'model-index', 'new_version',
];

/** Keys only dataset cards have. */
export const DATASET_CARD_MARKERS: readonly string[] = [
  'annotations_creators', 'language_creators', 'source_datasets', 'task_categories', 'task_ids',
  'size_categories', 'configs', 'dataset_info', 'pretty_name', 'paperswithcode_id', 'train-eval-index', 'multilinguality',
];

function keysOf(value: unknown): string[] {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? Object.keys(value) : [];
}

export function isDatasetCardValue(value: unknown): boolean {
  return keysOf(value).some((k) => DATASET_CARD_MARKERS.includes(k));
}

/** A marker, or a misspelling of one (`licenses`, `dataset`): such a card is still a card, whose Hub rules say what is wrong. */
function nearMarker(key: string, markers: readonly string[]): boolean {
  return markers.includes(key) || (key.length >= 5 && markers.some((m) => editDistance(key.toLowerCase(), m, 3) <= 2));
}

export function isModelCardValue(value: unknown): boolean {
  const keys = keysOf(value);
  return !isDatasetCardValue(value) && keys.some((k) => nearMarker(k, MODEL_CARD_MARKERS));
}

/** A Markdown document that may be a card: by language or name, and a front matter marker on line 1. */
export function mayBeCard(uri: string, languageId: string): boolean {
  return languageId === 'markdown' || /\.md$/i.test(uri.replace(/[?#].*$/, ''));
}

/** `README.md`: the file the folder walk of `osai-check` looks at for cards. */
export const CARD_FILE_NAME = /^readme\.md$/i;
