/** Completion of component names inside `release.components[].name`. */
import { CompletionItem, CompletionItemKind, Position, TextEdit } from 'vscode-languageserver-types';
import { Node } from 'yaml';
import type { ParsedDocument } from '../format';
import { quote } from './insertComponents';
import { readModel } from './model';
import { classTitle, MOT_COMPONENTS } from './tables';
import { column, endOfLine, lineStart } from '../../text/text';

const NAME_LINE = /^(\s*)(?:-\s+)?name:[ \t]*(['"]?)(.*)$/;

/** Component names for the `name:` value under the cursor, when it is inside `release.components`. */
export function mofCompletions(parsed: ParsedDocument, position: Position): CompletionItem[] {
  if (!parsed.yaml) return [];
  const model = readModel(parsed);
  const key = model.componentsKey as Node | undefined;
  if (!key?.range) return [];
  const text = parsed.text;
  const offset = parsed.document.offsetAt(position);
  const start = lineStart(text, offset);
  const before = text.slice(start, offset);
  const m = NAME_LINE.exec(before);
  if (!m || offset <= key.range[1]) return [];
  // Every non-blank, non-comment line from `components:` to here must be indented deeper than it.
  const keyCol = column(text, key.range[0]);
  const lines = text.slice(lineStart(text, key.range[0]), start).split(/\r?\n/).slice(1);
  if (lines.some((l) => l.trim() !== '' && !l.trim().startsWith('#') && l.length - l.trimStart().length <= keyCol))
    return [];
  if (m[1].length <= keyCol && !before.trimStart().startsWith('-')) return [];

  const valueStart = offset - m[3].length - m[2].length;
  const lineEnd = endOfLine(text, offset);
  const rest = text.slice(offset, lineEnd);
  const comment = rest.search(/\s#/);
  const valueEnd = offset + (comment >= 0 ? rest.slice(0, comment).trimEnd().length : rest.trimEnd().length);
  const range = { start: parsed.document.positionAt(valueStart), end: parsed.document.positionAt(valueEnd) };
  const style = m[2] === '"' ? 'double' : m[2] === "'" ? 'single' : 'plain';
  const present = new Set(model.byComponent.keys());
  return MOT_COMPONENTS.map((c, i): CompletionItem => ({
    label: c.name,
    kind: CompletionItemKind.EnumMember,
    detail:
      `${c.contentType} · ${c.required ? 'required for' : 'optional in'} ` +
      `${classTitle(c.class)}${present.has(c.name) ? ' · already listed' : ''}`,
    documentation: c.description,
    sortText: `${present.has(c.name) ? 1 : 0}${String(i).padStart(2, '0')}`,
    filterText: `${m[2]}${c.name}`,
    textEdit: TextEdit.replace(range, quote(c.name, style)),
  }));
}
