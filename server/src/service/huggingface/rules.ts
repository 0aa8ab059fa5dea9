/** The Hub's own metadata rules for cards (codes `hf/…`). */
import { Diagnostic } from 'vscode-languageserver-types';
import type { ParsedYamlDocument } from '../yaml/parse';

export type CardKind = 'model' | 'dataset';

export function hubMetadataDiagnostics(_parsed: ParsedYamlDocument, _kind: CardKind): Diagnostic[] {
  return [];
}
