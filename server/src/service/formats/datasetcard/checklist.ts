/**
 * A dataset card is OSAID's data information in the Hub's words: each field answers one item
 * of the data description (`source_datasets` → provenance, `size_categories` → scope,
 * `language` → characteristics, `language_creators` → collection, `annotations_creators` →
 * labeling, `license` → the data's terms). What the card does not state reads "not stated".
 */
import { Diagnostic } from 'vscode-languageserver-types';
import { isScalar, isSeq, Node } from 'yaml';
import { Checklist, ChecklistItem, checklistPerAnalysis, ZERO_RANGE } from '../../checklist/model';
import { licenseQualifies } from '../../licenses';
import { isPlaceholder } from '../../osaid/placeholders';
import { markdownDoc } from '../../osaid/docs';
import { requirementFor } from '../../osaid/requirements';
import { checklistOf } from '../../verdict/checklist';
import { verdictLens } from '../../verdict/verdict';
import { codeSpan, shorten } from '../../text/text';
import { findPair } from '../../yaml/nodes';
import { frontMatterEnd, markdownHeadings } from '../../yaml/frontMatter';
import { readCard } from '../../huggingface/card';
import type { ParsedDocument } from '../format';

/** Requirement id → the card keys that state it. */
const FIELDS: ReadonlyArray<[string, readonly string[]]> = [
  ['data_information.description.provenance', ['source_datasets']],
  ['data_information.description.scope', ['size_categories', 'dataset_info']],
  ['data_information.description.characteristics', ['language', 'language_details', 'dataset_info']],
  ['data_information.description.collection', ['language_creators']],
  ['data_information.description.labeling', ['annotations_creators']],
  ['data_information.description.processing', []],
];

/** The values a key states; a placeholder (`TODO`, `unknown`) states nothing. */
function valuesOf(node: Node | null | undefined): string[] {
  const items = isSeq(node) ? (node.items as Array<Node | null>) : node ? [node] : [];
  return items.flatMap((i) =>
    isScalar(i) && i.value !== null && String(i.value).trim() !== '' && !isPlaceholder(String(i.value))
      ? [String(i.value)]
      : [],
  );
}

export const datasetCardChecklist = checklistPerAnalysis(buildDatasetCardChecklist);

function buildDatasetCardChecklist(parsed: ParsedDocument, diagnostics: readonly Diagnostic[]): Checklist {
  const card = readCard(parsed);
  const position = (offset: number) => parsed.document.positionAt(offset);
  const headings = markdownHeadings(parsed.text, frontMatterEnd(parsed.text) ?? 0);
  const items: ChecklistItem[] = FIELDS.map(([id, keys]) => {
    const req = requirementFor(id)!;
    const base = {
      id,
      title: req.title,
      level: 'required' as const,
      explanation: markdownDoc(req, { example: false }),
    };
    for (const key of keys) {
      const pair = card.map ? findPair(card.map, key) : undefined;
      const node = pair?.value as Node | null | undefined;
      const values = valuesOf(node);
      if (pair && (values.length > 0 || (node && !isScalar(node) && !isSeq(node)))) {
        const said = values.length
          ? `: ${values
              .slice(0, 5)
              .map((v) => shorten(v))
              .join(', ')}`
          : '';
        const none =
          key === 'annotations_creators' && values.includes('no-annotation') ? ' (no labeling was done)' : '';
        const keyRange = (pair.key as Node).range!;
        return {
          ...base,
          status: 'met',
          detail: `Stated in \`${key}\`${said}${none}.`,
          range: { start: position(keyRange[0]), end: position(keyRange[1]) },
        };
      }
    }
    const heading = id.endsWith('processing')
      ? headings.find((h) => /process|curation|filter|cleaning/i.test(h.title))
      : undefined;
    return {
      ...base,
      status: 'not-stated',
      detail: heading
        ? `Not stated in the card's metadata; the card has a section “${shorten(heading.title)}” ` +
          `(line ${position(heading.offset).line + 1}).`
        : 'Not stated in the dataset card.',
      range: heading ? { start: position(heading.offset), end: position(heading.offset) } : ZERO_RANGE,
    };
  });
  // Legacy dataset cards write `license` as a list (the Hub rules report it): read its first item.
  const license = card.license?.text ? card.license : card.licenseList[0];
  const named = license?.text?.toLowerCase() === 'other' ? card.licenseName : license;
  // `unknown`, `TODO`: no terms are stated.
  const terms = named?.text && !isPlaceholder(named.text) ? named : undefined;
  const termsReq = requirementFor('data_information.training_data[].license')!;
  const termsItem: ChecklistItem = terms?.text
    ? {
        id: 'data_information.training_data[].license',
        title: 'Terms of the data',
        level: 'required',
        status: 'met',
        detail: licenseQualifies(terms.text, 'open')
          ? `${codeSpan(terms.text)} (open).`
          : `${codeSpan(terms.text)} (not open — OSAID requires the data to be listed and described, ` +
            `not openly licensed).`,
        range: terms.node?.range
          ? { start: position(terms.node.range[0]), end: position(terms.node.range[1]) }
          : ZERO_RANGE,
        explanation: markdownDoc(termsReq, { example: false }),
      }
    : {
        id: 'data_information.training_data[].license',
        title: 'Terms of the data',
        level: 'required',
        status: 'not-stated',
        detail: 'The card states no license for the data.',
        range: ZERO_RANGE,
        explanation: markdownDoc(termsReq, { example: false }),
      };
  const groups = [{ id: 'data_information' as const, title: 'Data information', items: [termsItem, ...items] }];
  return checklistOf(parsed, groups, diagnostics);
}

export function datasetCardLenses(parsed: ParsedDocument, diagnostics: readonly Diagnostic[]) {
  const checklist = datasetCardChecklist(parsed, diagnostics);
  const items = checklist.groups[0].items;
  const stated = items.filter((i) => i.status === 'met').length;
  const summary = `OSAID data information: ${stated} of ${items.length} stated in the card${
    checklist.verdict.notStated
      ? ` · not stated: ${items
          .filter((i) => i.status === 'not-stated')
          .map((i) => i.title.toLowerCase())
          .join(', ')}`
      : ''
  }`;
  return [verdictLens(summary), verdictLens(checklist.verdict.title)];
}
