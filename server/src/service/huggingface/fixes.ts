/** Quick fixes for the Hub's metadata rules (`hf/…`). */
import { CodeAction } from 'vscode-languageserver-types';
import type { ParsedYamlDocument } from '../yaml/parse';
import type { CardKind } from './rules';

export interface FixRequest {
  diagnostics: readonly import('vscode-languageserver-types').Diagnostic[];
  only?: readonly string[];
}

export function hubMetadataFixes(_parsed: ParsedYamlDocument, _kind: CardKind, _request: FixRequest): CodeAction[] {
  return [];
}
