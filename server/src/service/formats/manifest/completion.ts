/**
 * Completion of keys (missing required ones first), `kind` values and license ids. Works
 * on the text around the cursor, so it keeps working while the YAML is half-typed.
 */
import {
  CompletionItem,
  CompletionItemKind,
  CompletionList,
  InsertTextFormat,
  MarkupKind,
  Position,
} from 'vscode-languageserver-types';
import { licenseCompletions } from '../../licenses';
import type { CompletionOptions, ParsedDocument } from '../format';
import { childrenOf, keyOf, Requirement, requirementFor } from '../../osaid/requirements';
import { markdownDoc } from '../../osaid/docs';
import { blockEntry, placeholderValue } from '../../osaid/skeleton';

interface LineShape {
  dash?: number;
  keyColumn: number;
  key?: string;
  /** Text after `key:` (trimmed), when the line has a key. */
  rest?: string;
}

const LINE = /^(\s*)(-\s+)?(?:("?)([\w.-]+)\3\s*:(?:\s+(.*)|$))?/;

function shape(line: string): LineShape | undefined {
  if (!line.trim() || line.trim().startsWith('#')) return undefined;
  const m = LINE.exec(line);
  if (!m) return undefined;
  const indent = m[1].length;
  const dash = m[2] ? indent : undefined;
  const keyColumn = indent + (m[2]?.length ?? 0);
  return {
    dash,
    keyColumn,
    key: m[4],
    rest: m[4] !== undefined ? (m[5] ?? '').replace(/\s+#.*$/, '').trim() : undefined,
  };
}

/** The requirement pattern of the mapping a key at `column` on line `lineNo` belongs to. */
function mappingPatternAt(lines: string[], lineNo: number, column: number, ownDash: boolean): string | undefined {
  const segments: string[] = [];
  let c = column;
  let inItem = ownDash;
  if (ownDash) c -= 2;
  for (let i = lineNo - 1; i >= 0; i--) {
    const s = shape(lines[i]);
    if (!s) continue;
    if (!inItem && s.dash !== undefined && s.keyColumn === c) {
      // A sibling key that starts the list item we are in.
      inItem = true;
      c = s.dash;
      continue;
    }
    if (inItem) {
      // Looking for the key that owns the list: less indented, or compact style at the dash column.
      if (s.key !== undefined && (s.keyColumn < c || (s.keyColumn === c && s.dash === undefined)) && s.rest === '') {
        segments.unshift(`${s.key}[]`);
        inItem = s.dash !== undefined;
        c = s.dash ?? s.keyColumn;
      } else if (s.keyColumn < c) return undefined;
      continue;
    }
    if (s.keyColumn < c) {
      if (s.key === undefined || s.rest !== '') return undefined;
      segments.unshift(s.key);
      if (s.dash !== undefined) {
        inItem = true;
        c = s.dash;
      } else c = s.keyColumn;
    }
  }
  if (inItem) return undefined;
  return segments.join('.');
}

/** Keys already present in the mapping around `lineNo` at `column`. */
function siblingKeys(lines: string[], lineNo: number, column: number): Set<string> {
  const keys = new Set<string>();
  const scan = (from: number, step: number): void => {
    for (let i = from; i >= 0 && i < lines.length; i += step) {
      const s = shape(lines[i]);
      if (!s) continue;
      if (s.keyColumn < column) return;
      if (s.keyColumn === column && s.key) keys.add(s.key);
      if (s.dash !== undefined && s.keyColumn === column) return; // the start of our list item
    }
  };
  scan(lineNo - 1, -1);
  scan(lineNo + 1, 1);
  return keys;
}

export function doComplete(parsed: ParsedDocument, position: Position, options: CompletionOptions): CompletionList {
  const text = parsed.text;
  // Split like TextDocument does (a lone CR ends a line too), so line numbers agree.
  const lines = text.split(/\r\n|\r|\n/);
  const line = lines[position.line] ?? '';
  const before = line.slice(0, position.character);
  const m = /^(\s*)(-\s+)?(.*)$/.exec(before)!;
  const typed = m[3];
  const column = m[1].length + (m[2]?.length ?? 0);
  const valueMatch = /^("?)([\w.-]+)\1\s*:\s*(.*)$/.exec(typed);
  if (valueMatch) {
    const pattern = mappingPatternAt(lines, position.line, column, !!m[2]);
    if (pattern === undefined) return { isIncomplete: false, items: [] };
    const req = requirementFor(pattern ? `${pattern}.${valueMatch[2]}` : valueMatch[2]);
    return { isIncomplete: false, items: req ? valueItems(req) : [] };
  }
  if (!/^[\w-]*$/.test(typed)) return { isIncomplete: false, items: [] };
  const pattern = mappingPatternAt(lines, position.line, column, !!m[2]);
  if (pattern === undefined) return { isIncomplete: false, items: [] };
  const present = siblingKeys(lines, position.line, column);
  const indent = ' '.repeat(column);
  const items: CompletionItem[] = [];
  childrenOf(pattern).forEach((req, index) => {
    if (!present.has(keyOf(req))) items.push(keyItem(req, index, indent, position, typed, options));
  });
  return { isIncomplete: false, items };
}

/** Sorted by level (required first), then in the order the format declares them. */
function keyItem(
  req: Requirement,
  index: number,
  indent: string,
  position: Position,
  typed: string,
  options: CompletionOptions,
): CompletionItem {
  const key = keyOf(req);
  const rank = req.level === 'required' ? 0 : req.level === 'recommended' ? 1 : 2;
  const lines = blockEntry(req, indent);
  let insert = lines.map((l, i) => (i === 0 ? l.slice(indent.length) : l)).join('\n');
  let format: InsertTextFormat = InsertTextFormat.PlainText;
  if (options.snippets) {
    let n = 0;
    insert = escapeSnippet(insert).replace(
      /: (TODO|public|data_card|false|"1\.0")$/gm,
      (_all, v: string) => `: \${${++n}:${v}}`,
    );
    format = InsertTextFormat.Snippet;
  }
  return {
    label: key,
    kind:
      req.shape.kind === 'section' || req.shape.kind === 'list'
        ? CompletionItemKind.Module
        : CompletionItemKind.Property,
    detail:
      `${req.level === 'required' ? 'Required' : req.level === 'recommended' ? 'Recommended' : 'Optional'}` +
      ` · ${req.title}`,
    documentation: { kind: MarkupKind.Markdown, value: markdownDoc(req) },
    sortText: `${rank}${String(index).padStart(3, '0')}`,
    filterText: key,
    insertTextFormat: format,
    textEdit: {
      range: { start: { line: position.line, character: position.character - typed.length }, end: position },
      newText: insert,
    },
  };
}

function valueItems(req: Requirement): CompletionItem[] {
  const shape = req.shape;
  switch (shape.kind) {
    case 'enum':
      return shape.values.map((v, i) => ({
        label: v,
        kind: CompletionItemKind.EnumMember,
        sortText: String(i).padStart(3, '0'),
        documentation: { kind: MarkupKind.Markdown, value: markdownDoc(req) },
      }));
    case 'version':
      return [{ label: placeholderValue(req), kind: CompletionItemKind.Value }];
    case 'boolean':
      return ['true', 'false'].map((v) => ({ label: v, kind: CompletionItemKind.Value }));
    case 'license':
      return licenseCompletions(shape.test).map((l) => ({
        label: l.id,
        kind: CompletionItemKind.Value,
        detail: `${l.osiApproved ? '✓ OSI-approved · ' : l.open ? '✓ open · ' : ''}${l.name}`,
        labelDetails: { description: l.osiApproved ? 'OSI ✓' : l.open ? 'open' : 'not open' },
        sortText: String(l.rank).padStart(5, '0') + l.id,
      }));
    default:
      return [];
  }
}

function escapeSnippet(s: string): string {
  return s.replace(/[$}\\]/g, (c) => `\\${c}`);
}
