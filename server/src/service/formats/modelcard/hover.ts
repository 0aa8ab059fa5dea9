/** Hovers on a model card's license, datasets and base models: what the OSAID view reads there. */
import { Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import { Node } from 'yaml';
import { hubUrl, readCard } from '../../huggingface/card';
import { statedTerms } from '../../huggingface/weights';
import { licenseHoverMarkdown } from '../../licenses';
import type { ServiceSettings } from '../../settings';
import { codeSpan } from '../../text/text';
import type { ParsedDocument } from '../format';

/**
 * Longer ids are not Hub ids (a Hub repository id is at most 96 characters each side of the
 * `/`), so they get no link: the URL would hold the whole id, and the hover must stay small.
 */
const MAX_LINKED_ID = 200;

/** A Hub id as the hover names it: shortened, linked to its page when it can be a Hub id. */
function hubLink(kind: 'model' | 'dataset', id: string): string {
  return id.length <= MAX_LINKED_ID ? `[${codeSpan(id)}](${hubUrl(kind, id)})` : codeSpan(id);
}

export function modelCardHover(parsed: ParsedDocument, position: Position, settings: ServiceSettings): Hover | null {
  const card = readCard(parsed);
  const offset = parsed.document.offsetAt(position);
  const on = (node: Node | null | undefined): boolean =>
    !!node?.range && node.range[0] <= offset && offset <= node.range[1];
  const hover = (node: Node, value: string): Hover => ({
    contents: { kind: MarkupKind.Markdown, value },
    range: { start: parsed.document.positionAt(node.range![0]), end: parsed.document.positionAt(node.range![1]) },
  });
  const terms = statedTerms(card);
  if (terms?.node && on(terms.node)) {
    return hover(
      terms.node,
      `**The weights' terms** (OSAID 1.0 requires them open)\n\n` +
        `${licenseHoverMarkdown(terms.text!, 'open', { extraOpen: settings.treatAsOpen })}`,
    );
  }
  const dataset = card.datasets.find((d) => on(d.node));
  if (dataset) {
    return hover(
      dataset.node,
      `**Training dataset** ${hubLink('dataset', dataset.id)} — listed in ` +
        `\`datasets\`, which OSAID counts as the listing of training data. Its ` +
        `dataset card describes it (provenance, collection, labeling); a ` +
        `complete data description still belongs in an osai.yaml.`,
    );
  }
  const base = card.baseModels.find((b) => on(b.node));
  if (base) {
    return hover(
      base.node,
      `**Base model** ${hubLink('model', base.id)} — this model is derived ` +
        `from it and inherits its terms: check the base model's license too ` +
        `(this checker does not guess it).`,
    );
  }
  return null;
}
