/**
 * Hugging Face dataset cards: a Markdown file whose front matter has dataset-card keys
 * (`annotations_creators`, `source_datasets`, `size_categories`, …) — OSAID's data
 * information in the Hub's words. Only the front matter is parsed.
 */
import { inDocumentOrder } from '../../yaml/spans';
import { CARD_RECOGNITION, isDatasetCardValue, unreadableCardKind } from '../../huggingface/keys';
import { unreadableCardDiagnostics } from '../../huggingface/unreadable';
import { hubCodeDocs, hubMetadataDiagnostics } from '../../huggingface/rules';
import { findDocumentSymbols } from '../../yaml/symbols';
import { cardCompletions } from '../../huggingface/completion';
import { hubMetadataFixes } from '../../huggingface/fixes';
import { cardKeyHover } from '../../huggingface/hover';
import { describeDatasetCard } from '../../huggingface/describe';
import { cardEvidenceTargets, cardOnlineTargets } from '../../huggingface/evidence';
import { DocumentFormat } from '../format';
import { datasetCardChecklist, datasetCardLenses } from './checklist';

export const datasetCardFormat: DocumentFormat = {
  id: 'datasetcard',
  label: 'Dataset card',
  codes: hubCodeDocs('dataset'),
  ...CARD_RECOGNITION,
  confirm: (parse) => isDatasetCardValue(parse.value) || unreadableCardKind(parse) === 'dataset',
  validate(parsed) {
    if (!parsed.yaml || parsed.value === undefined) return unreadableCardDiagnostics(parsed);
    return [...parsed.parseDiagnostics, ...hubMetadataDiagnostics(parsed, 'dataset')].sort(inDocumentOrder);
  },
  hover: (parsed, position) => cardKeyHover(parsed, 'dataset', position),
  complete: (parsed, position) => cardCompletions(parsed, 'dataset', position),
  codeActions: (parsed, request) => hubMetadataFixes(parsed, 'dataset', request),
  symbols: (parsed) => findDocumentSymbols(parsed),
  evidenceTargets: (parsed) => cardEvidenceTargets(parsed, 'dataset'),
  onlineTargets: (parsed) => cardOnlineTargets(parsed, 'dataset'),
  describeRelease: (parsed) => describeDatasetCard(parsed),
  codeLenses: (parsed, diagnostics) => datasetCardLenses(parsed, diagnostics),
  checklist: (parsed, diagnostics) => datasetCardChecklist(parsed, diagnostics),
  summary(parsed, diagnostics) {
    const { verdict } = datasetCardChecklist(parsed, diagnostics);
    return { verdict: { meets: verdict.meets, state: verdict.state, title: verdict.title }, headline: verdict.title };
  },
};
