/**
 * The OSAID checklist of a BOM view. Which code is the training code and how the data is described is not said by a
 * BOM: those items read "not stated" (never an error) — except in one written by `osai-check`, whose parts name their
 * places in the release: there each item is read from its parts, and a required item no part answers is missing, as
 * in the manifest it came from, unless the export says its source did not state it.
 */
import type { Diagnostic } from 'vscode-languageserver-types';
import { Checklist, CHECKLIST_GROUPS, ChecklistItem, ChecklistStatus, ZERO_RANGE } from '../checklist/model';
import { markdownDoc } from '../osaid/docs';
import { requirementFor } from '../osaid/requirements';
import { shorten } from '../text/text';
import { checklistOf } from '../verdict/checklist';
import type { ParsedYamlDocument } from '../yaml/parse';
import { BomView, ITEM_IDS, JudgedPart, Ranged } from './view';
import type { BomWording } from './wording';

/** How many characters of the list of datasets the checklist shows (a BOM may list thousands). */
const MAX_LISTED = 600;

export function bomChecklist(
  parsed: ParsedYamlDocument & { format: { id: string; label: string } },
  view: BomView,
  diagnostics: readonly Diagnostic[],
  wording: BomWording,
): Checklist {
  const document = parsed.document;
  const { self, part } = wording;
  const notStated = view.notStatedAtSource;
  const rangeOf = (node: Ranged | undefined) =>
    node?.range ? { start: document.positionAt(node.range[0]), end: document.positionAt(node.range[1]) } : ZERO_RANGE;
  const unplacedCode = view.judged.filter((j) => j.item === undefined && j.test === 'osi');
  const itemFor = (id: string): ChecklistItem => {
    const req = requirementFor(id)!;
    const level = req.level === 'required' ? ('required' as const) : ('recommended' as const);
    const base = { id, title: req.title, level, explanation: markdownDoc(req, { example: false }) };
    const answers = view.judged.filter((j) => j.item === id);
    if (id === 'data_information.training_data') {
      const n = view.datasets.length;
      const labels = view.datasets.map((d) => shorten(d.label)).join(', ');
      return n > 0
        ? {
            ...base,
            status: 'met',
            detail: `${n} dataset${n === 1 ? '' : 's'} listed: ${shorten(labels, MAX_LISTED)}.`,
            range: rangeOf(view.datasets[0].node),
          }
        : {
            ...base,
            status: view.placed && !notStated.has(id) ? 'missing' : 'not-stated',
            detail: wording.noTrainingData,
            range: rangeOf(view.model?.anchor),
          };
    }
    if (answers.length > 0) {
      const failing = answers.filter((a) => !a.passes);
      const first = failing[0] ?? answers[0];
      const names = answers.map((a) => shorten(a.part.label)).join(', ');
      const terms = (a: JudgedPart) => a.part.licenses.map((l) => l.text).join(' and ');
      let status: ChecklistStatus = 'met';
      let detail = `${names} under ${shorten(terms(answers[0]))}.`;
      if (failing.length > 0) {
        // As in a manifest: a part without its license leaves a required item missing, one with terms that fail
        // leaves it not open.
        status = first.part.licenses.length || level !== 'required' ? 'not-open' : 'missing';
        detail = first.part.licenses.length
          ? `${shorten(first.part.label)}: \`${shorten(terms(first))}\` is ` +
            `${first.test === 'osi' ? 'not OSI-approved' : 'not open'}.`
          : `${shorten(first.part.label)} states no license.`;
      }
      return { ...base, status, detail, range: rangeOf(first.part.anchor) };
    }
    if (view.placed && !id.startsWith('data_information.description') && !notStated.has(id))
      return {
        ...base,
        status: level === 'required' ? 'missing' : 'recommended',
        detail: `No ${part} of the ${self} is the ${req.title.toLowerCase()}.`,
        range: ZERO_RANGE,
      };
    if (level === 'recommended' && !notStated.has(id))
      return { ...base, status: 'recommended', detail: `Not stated in the ${self}.`, range: ZERO_RANGE };
    const detail = id.startsWith('data_information.description')
      ? wording.descriptionNote
      : id.startsWith('code.') && unplacedCode.length
        ? `The ${self} lists ${unplacedCode.length} code ${part}${unplacedCode.length === 1 ? '' : 's'} ` +
          `(${shorten(unplacedCode.map((j) => j.part.name).join(', '), 200)}) but does not say which is the ` +
          `${req.title.toLowerCase()}; their licenses are checked all the same.`
        : notStated.has(id)
          ? `${req.title} is not stated in the ${self}, nor in what it was written from ` +
            `(its ${wording.sourceChecklist}).`
          : `${req.title} is not stated in the ${self}.`;
    return { ...base, status: 'not-stated', detail, range: ZERO_RANGE };
  };
  const groups = CHECKLIST_GROUPS.map(({ id, title }) => ({
    id,
    title,
    items: ITEM_IDS.filter((i) => i.startsWith(`${id}.`)).map(itemFor),
  }));
  return checklistOf(parsed, groups, diagnostics);
}
