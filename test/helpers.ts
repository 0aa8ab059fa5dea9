/** Shared test helpers: documents from text, applying edits, reading fixtures. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-types';
import { getLanguageService } from '../server/src/service';

export const ROOT = join(__dirname, '..');
export const service = getLanguageService();

export function doc(text: string, uri = 'file:///test/osai.yaml'): TextDocument {
  return TextDocument.create(uri, 'osai-manifest', 1, text);
}

/** A plain YAML document (the language id VS Code gives `.yml` files): formats recognise it by content. */
export function yamlDoc(text: string, uri = 'file:///test/model.yml'): TextDocument {
  return TextDocument.create(uri, 'yaml', 1, text);
}

export function fixture(name: string): string {
  return readFileSync(join(ROOT, 'test', 'fixtures', 'manifests', name), 'utf8');
}

export function example(name: string): string {
  return readFileSync(join(ROOT, 'examples', name), 'utf8');
}

export function diagnose(text: string): Diagnostic[] {
  return service.doValidation(service.parse(doc(text)));
}

/** `code@line:col-line:col` (1-based, like editors show), for compact exact assertions. */
export function brief(d: Diagnostic): string {
  const r = d.range;
  return `${d.code}@${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1}`;
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(doc(text), edits);
}

export function applyWorkspaceEdit(
  text: string,
  edit: WorkspaceEdit | undefined,
  uri = 'file:///test/osai.yaml',
): string {
  const edits = edit?.changes?.[uri];
  if (!edits) throw new Error('the code action has no edit for the document');
  return applyEdits(text, edits);
}

/** All comments in a YAML text, in order (for "fixes keep comments" checks). */
export function comments(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => /(^|\s)#.*$/.exec(l)?.[0].trim())
    .filter((c): c is string => !!c);
}
