/**
 * The OSAID checklist of a model card. A card states the weights' terms and lists datasets;
 * it cannot show the code OSAID requires or a complete data description: those items read
 * "not stated" — information, never an error — with what the card's body has on them.
 */
import { Diagnostic } from 'vscode-languageserver-types';
import {
  Checklist,
  CHECKLIST_GROUPS,
  ChecklistItem,
  checklistPerAnalysis,
  statusFromDiagnostics,
  ZERO_RANGE,
} from '../../checklist/model';
import { DiagnosticData } from '../../diagnostics/codes';
import { readCard } from '../../huggingface/card';
import { statedTerms, WEIGHTS_PATH } from '../../huggingface/weights';
import { markdownDoc } from '../../osaid/docs';
import { childrenOf, requirementFor } from '../../osaid/requirements';
import { frontMatterEnd, markdownHeadings } from '../../yaml/frontMatter';
import { shorten } from '../../text/text';
import { checklistOf } from '../../verdict/checklist';
import { verdictLens } from '../../verdict/verdict';
import type { ParsedDocument } from '../format';

/** Body headings that say something about an item (the card's own words for where it is). */
const HEADINGS: Readonly<Record<string, RegExp>> = {
  'data_information.description.provenance': /training data|data(set)?s?\b|pre-?training data/i,
  'data_information.description.processing': /preprocess|processing|filter/i,
  'code.training': /training procedure|training details|training/i,
  'code.evaluation': /evaluation/i,
  'code.inference': /how to (get started|use)|usage|inference/i,
};

/**
 * How many characters of the list of datasets the checklist shows (each id shortened too): a card may list thousands.
 */
const MAX_LISTED = 600;

export const modelCardChecklist = checklistPerAnalysis(buildModelCardChecklist);

function buildModelCardChecklist(parsed: ParsedDocument, diagnostics: readonly Diagnostic[]): Checklist {
  const card = readCard(parsed);
  const body = frontMatterEnd(parsed.text) ?? 0;
  const headings = markdownHeadings(parsed.text, body);
  const position = (offset: number) => parsed.document.positionAt(offset);
  const notStated = (id: string, what: string): Pick<ChecklistItem, 'status' | 'detail' | 'range'> => {
    const heading = HEADINGS[id] ? headings.find((h) => HEADINGS[id].test(h.title)) : undefined;
    const where = heading
      ? ` The card has a section “${shorten(heading.title)}” (line ${position(heading.offset).line + 1}): ` +
        `state it in an osai.yaml beside the card.`
      : '';
    return {
      status: 'not-stated',
      detail: `${what} is not stated in the model card.${where}`,
      range: heading ? { start: position(heading.offset), end: position(heading.offset) } : ZERO_RANGE,
    };
  };
  const range = (node: { range?: [number, number, number?] | null } | null | undefined) =>
    node?.range ? { start: position(node.range[0]), end: position(node.range[1]) } : ZERO_RANGE;

  const itemFor = (id: string): ChecklistItem => {
    const req = requirementFor(id)!;
    const base = {
      id,
      title: req.title,
      level: req.level === 'required' ? ('required' as const) : ('recommended' as const),
      explanation: markdownDoc(req, { example: false }),
    };
    if (id === 'parameters.weights') {
      const own = diagnostics.filter((d) => (d.data as DiagnosticData | undefined)?.path === WEIGHTS_PATH);
      const status = statusFromDiagnostics(own, false);
      const stated = statedTerms(card);
      return {
        ...base,
        status,
        detail: own[0]?.message ?? `Under ${shorten(stated?.text ?? 'an open license')}.`,
        range: range(stated?.node ?? card.license?.key),
      };
    }
    if (id === 'data_information.training_data' && card.datasets.length > 0) {
      const n = card.datasets.length;
      return {
        ...base,
        status: 'met',
        detail:
          `${n} dataset${n === 1 ? '' : 's'} listed in \`datasets\`: ` +
          `${shorten(card.datasets.map((d) => shorten(d.id)).join(', '), MAX_LISTED)}.`,
        range: range(card.datasets[0].node),
      };
    }
    return { ...base, ...notStated(id, req.title) };
  };

  const groups = CHECKLIST_GROUPS.map(({ id, title }) => ({
    id,
    title,
    items: childrenOf(id)
      .flatMap((r) => (r.path === 'data_information.description' ? childrenOf(r.path) : [r]))
      .filter((r) => r.level !== 'optional' && r.path !== 'data_information.documentation')
      .map((r) => itemFor(r.path)),
  }));
  return checklistOf(parsed, groups, diagnostics);
}

/** "OSAID: weights ✓ apache-2.0 · 1 dataset listed · code, data description not stated in the card". */
export function cardSummary(parsed: ParsedDocument, diagnostics: readonly Diagnostic[]): string {
  const checklist = modelCardChecklist(parsed, diagnostics);
  const items = checklist.groups.flatMap((g) => g.items);
  const weights = items.find((i) => i.id === 'parameters.weights')!;
  const stated = statedTerms(readCard(parsed));
  const weightsPart =
    weights.status === 'met'
      ? `weights ✓ ${shorten(String(stated?.text))}`
      : weights.status === 'missing'
        ? 'weights ✗ no license stated'
        : `weights ✗ ${shorten(stated?.text ?? '')} (${weights.status === 'not-open' ? 'not open' : 'invalid'})`;
  const n = readCard(parsed).datasets.length;
  const datasets = n > 0 ? `${n} dataset${n === 1 ? '' : 's'} listed` : 'no datasets listed';
  // Code first: what a card can never show, then the data description it may only sketch.
  const unstatedGroups = [...checklist.groups]
    .reverse()
    .filter((g) => g.items.some((i) => i.level === 'required' && i.status === 'not-stated'));
  const unstated = unstatedGroups.map((g) =>
    g.id === 'data_information' ? 'data description' : g.title.toLowerCase(),
  );
  return (
    `OSAID: ${weightsPart} · ${datasets}` +
    `${unstated.length ? ` · ${unstated.join(', ')} not stated in the card` : ''}`
  );
}

export function modelCardLenses(parsed: ParsedDocument, diagnostics: readonly Diagnostic[]) {
  return [
    verdictLens(cardSummary(parsed, diagnostics)),
    verdictLens(modelCardChecklist(parsed, diagnostics).verdict.title),
  ];
}
