/** Hovers on a card's keys: what the Hub does with each. */
import { Hover, Position } from 'vscode-languageserver-types';
import type { ParsedYamlDocument } from '../yaml/parse';
import type { CardKind } from './rules';

export function cardKeyHover(_parsed: ParsedYamlDocument, _kind: CardKind, _position: Position): Hover | null {
  return null;
}
