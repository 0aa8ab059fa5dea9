/**
 * Hugging Face model cards: a Markdown file (`README.md`) whose YAML front matter has
 * model-card keys. Only the front matter is parsed. The Hub's metadata rules, and the OSAID
 * view of what a card can state: the weights' terms and the training datasets; code and a
 * complete data description are "not stated in the card".
 */
import { inDocumentOrder } from '../../yaml/spans';
import { readCard } from '../../huggingface/card';
import { CARD_RECOGNITION, isModelCardValue, unreadableCardKind } from '../../huggingface/keys';
import { unreadableCardDiagnostics } from '../../huggingface/unreadable';
import { hubCodeDocs, hubMetadataDiagnostics } from '../../huggingface/rules';
import { weightsTerms } from '../../huggingface/weights';
import { findDocumentSymbols } from '../../yaml/symbols';
import { cardCompletions } from '../../huggingface/completion';
import { hubMetadataFixes } from '../../huggingface/fixes';
import { cardKeyHover } from '../../huggingface/hover';
import { cardEvidenceTargets, cardOnlineTargets } from '../../huggingface/evidence';
import { DocumentFormat } from '../format';
import { createManifestActions, manifestFromCard } from './toManifest';
import { modelCardChecklist, modelCardLenses } from './checklist';
import { modelCardHover } from './hover';

export const modelCardFormat: DocumentFormat = {
  id: 'modelcard',
  label: 'Model card',
  codes: hubCodeDocs('model'),
  ...CARD_RECOGNITION,
  confirm: (parse) => isModelCardValue(parse.value) || unreadableCardKind(parse) === 'model',
  validate(parsed, settings) {
    if (!parsed.yaml || parsed.value === undefined) return unreadableCardDiagnostics(parsed);
    const diagnostics = [
      ...parsed.parseDiagnostics,
      ...hubMetadataDiagnostics(parsed, 'model'),
      ...weightsTerms(parsed, readCard(parsed), settings.treatAsOpen).findings,
    ];
    return diagnostics.sort(inDocumentOrder);
  },
  hover: (parsed, position, settings) =>
    modelCardHover(parsed, position, settings) ?? cardKeyHover(parsed, 'model', position),
  complete: (parsed, position) => cardCompletions(parsed, 'model', position),
  codeActions: (parsed, request) => [
    ...hubMetadataFixes(parsed, 'model', request),
    ...createManifestActions(parsed, request),
  ],
  symbols: (parsed) => findDocumentSymbols(parsed),
  evidenceTargets: (parsed) => cardEvidenceTargets(parsed, 'model'),
  onlineTargets: (parsed) => cardOnlineTargets(parsed, 'model'),
  codeLenses: (parsed, diagnostics) => modelCardLenses(parsed, diagnostics),
  checklist: (parsed, diagnostics) => modelCardChecklist(parsed, diagnostics),
  summary(parsed, diagnostics) {
    const { verdict } = modelCardChecklist(parsed, diagnostics);
    return { verdict: { meets: verdict.meets, state: verdict.state, title: verdict.title }, headline: verdict.title };
  },
  toManifest: (parsed) => manifestFromCard(parsed).text,
};
