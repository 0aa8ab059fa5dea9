/** The MOF class on the first line. */
import { CodeLens } from 'vscode-languageserver-types';
import { ParsedManifest } from '../../yaml/parse';
import { SHOW_PROBLEMS_COMMAND } from '../../verdict/verdict';
import { evaluateMofClass } from './evaluate';


export function mofCodeLenses(parsed: ParsedManifest): CodeLens[] {
  const result = evaluateMofClass(parsed);
  if (!result) return [];
  return [{
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    command: { title: result.title, command: SHOW_PROBLEMS_COMMAND },
  }];
}
