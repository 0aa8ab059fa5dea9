/** Hovers on a card's keys: what the Hub does with each. */
import { Hover, MarkupKind, Position } from 'vscode-languageserver-types';
import { isScalar } from 'yaml';
import type { ParsedYamlDocument } from '../yaml/parse';
import { readCard } from './card';
import { nodeSpan } from './cardText';
import { cardKeyDoc, DATASET_CARDS_DOC, LICENSES_DOC, MODEL_CARDS_DOC } from './keys';
import type { CardKind } from './rules';

export function cardKeyHover(parsed: ParsedYamlDocument, kind: CardKind, position: Position): Hover | null {
  const map = readCard(parsed).map;
  if (!map) return null;
  const offset = parsed.document.offsetAt(position);
  for (const pair of map.items) {
    if (!isScalar(pair.key) || typeof pair.key.value !== 'string') continue;
    const span = nodeSpan(parsed.text, pair.key);
    if (!span || offset < span[0] || offset > span[1]) continue;
    const doc = cardKeyDoc(pair.key.value, kind);
    if (!doc) return null;
    const links = [
      kind === 'model' ? `[Model cards](${MODEL_CARDS_DOC})` : `[Dataset cards](${DATASET_CARDS_DOC})`,
      ...(doc.license ? [`[Licenses](${LICENSES_DOC})`] : []),
    ];
    const value = [
      `**\`${doc.key}\`** — ${doc.doc}`,
      ...(doc.osaid ? [`*OSAID view:* ${doc.osaid}`] : []),
      `Hugging Face Hub docs: ${links.join(' · ')}`,
    ].join('\n\n');
    return {
      contents: { kind: MarkupKind.Markdown, value },
      range: { start: parsed.document.positionAt(span[0]), end: parsed.document.positionAt(span[1]) },
    };
  }
  return null;
}
