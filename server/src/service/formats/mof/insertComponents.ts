/**
 * Text edits that append MOF components to `release.components`, in the file's own item
 * style (MOT writes `-` on its own line with the keys indented below it; `- name: …` and
 * flow lists are matched too) and quoting, touching no other byte.
 */
import { TextEdit } from 'vscode-languageserver-types';
import { isMap, isScalar, isSeq, Node, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import type { ParsedDocument } from '../format';
import { findPair } from '../../yaml/nodes';
import { MofModel, readModel } from './model';
import { COMPONENTS_BY_NAME } from './tables';
import { column, endOfLine, lineStart } from '../../text/text';

type Quote = 'single' | 'double' | 'plain';

interface Style {
  /** Column of the `-`. */
  dashIndent: number;
  /** Column of the item's keys. */
  keyIndent: number;
  /** `-` alone on its line (MOT's style) or `- name: …`. */
  dashAlone: boolean;
  nameQuote: Quote;
  descriptionQuote: Quote;
}

/** Edits adding the named components (unknown names are skipped) at the end of `release.components`. */
export function addComponentEdits(parsed: ParsedDocument, names: readonly string[]): TextEdit[] {
  if (!parsed.yaml) return [];
  const components = names.map((n) => COMPONENTS_BY_NAME.get(n)).filter((c): c is NonNullable<typeof c> => !!c);
  if (components.length === 0) return [];
  const model = readModel(parsed);
  const text = parsed.text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const items = components.map((c) => ({ name: c.name, description: c.description }));
  const seq = model.componentsSeq;
  const edit = (start: number, end: number, newText: string): TextEdit[] => [
    TextEdit.replace({ start: parsed.document.positionAt(start), end: parsed.document.positionAt(end) }, newText),
  ];

  if (seq?.flow && seq.range) {
    const last = seq.items[seq.items.length - 1] as Node | undefined;
    const at = last?.range ? last.range[1] : seq.range[0] + 1;
    const q = quoteStyleOf(seq);
    const flow = items
      .map((i) => `{name: ${quote(i.name, q.name, true)}, description: ${quote(i.description, q.description, true)}}`)
      .join(', ');
    return edit(at, at, `${last ? ', ' : ''}${flow}`);
  }
  if (seq && seq.items.length > 0) {
    const style = blockStyle(text, seq);
    const last = seq.items[seq.items.length - 1] as Node;
    const lines = items.flatMap((i) => itemLines(i, style));
    const endOfLast = last.range ? last.range[1] : (seq.range?.[1] ?? text.length);
    // After the line where the last item's own text ends.
    const lineEnd = endOfLine(text, endOfLast > 0 && text[endOfLast - 1] === '\n' ? endOfLast - 1 : endOfLast);
    if (lineEnd >= text.length) return edit(text.length, text.length, eol + lines.join(eol));
    const next = lineEnd + (text.startsWith('\r\n', lineEnd) ? 2 : 1);
    return edit(next, next, lines.join(eol) + eol);
  }
  // `components:` empty, null, or an empty block: items under the key, MOT's style.
  const keyNode = model.componentsKey;
  if (keyNode?.range) {
    const keyCol = column(text, keyNode.range[0]);
    const style: Style = {
      dashIndent: keyCol + 2,
      keyIndent: keyCol + 4,
      dashAlone: true,
      nameQuote: 'single',
      descriptionQuote: 'single',
    };
    const lines = items.flatMap((i) => itemLines(i, style));
    const valueNode = findPair(model.releaseMap!, 'components')?.value as Node | null | undefined;
    // Anything else than a list or nothing (a mapping, text) is the user's: a type error says
    // so; replacing it would destroy what they wrote.
    const empty =
      !valueNode ||
      (isScalar(valueNode) && valueNode.value === null) ||
      (isSeq(valueNode) && valueNode.items.length === 0);
    if (!empty) return [];
    let start: number;
    let end: number;
    if (valueNode?.range && valueNode.range[1] > valueNode.range[0]) {
      // Drop an explicit `~`/`null`/`[]`: `components: ~` becomes `components:` + items.
      const colon = text.indexOf(':', keyNode.range[1]);
      start = colon >= 0 && colon < valueNode.range[0] ? colon + 1 : valueNode.range[0];
      end = valueNode.range[1];
    } else {
      const colon = text.indexOf(':', keyNode.range[1]);
      start = end = colon >= 0 ? colon + 1 : keyNode.range[1];
    }
    const lineEnd = endOfLine(text, end);
    if (start === end) return edit(lineEnd, lineEnd, eol + lines.join(eol));
    return [...edit(start, end, ''), ...edit(lineEnd, lineEnd, eol + lines.join(eol))];
  }
  // No `components` key: add it at the end of `release`.
  return addComponentsKey(parsed, model, items, eol);
}

function addComponentsKey(
  parsed: ParsedDocument,
  model: MofModel,
  items: { name: string; description: string }[],
  eol: string,
): TextEdit[] {
  const release = model.releaseMap;
  const text = parsed.text;
  if (!release || release.flow || release.items.length === 0) return [];
  const firstKey = release.items[0].key as Node;
  const keyCol = column(text, firstKey.range?.[0] ?? 0);
  const style: Style = {
    dashIndent: keyCol + 2,
    keyIndent: keyCol + 4,
    dashAlone: true,
    nameQuote: 'single',
    descriptionQuote: 'single',
  };
  const last = release.items[release.items.length - 1];
  const lastNode = (last.value as Node | null) ?? (last.key as Node);
  const end = lastNode.range ? lastNode.range[1] : text.length;
  const lines = [`${' '.repeat(keyCol)}components:`, ...items.flatMap((i) => itemLines(i, style))];
  const lineEnd = endOfLine(text, end > 0 && text[end - 1] === '\n' ? end - 1 : end);
  const at = parsed.document.positionAt(lineEnd >= text.length ? text.length : lineEnd);
  return [TextEdit.insert(at, eol + lines.join(eol))];
}

function itemLines(item: { name: string; description: string }, style: Style): string[] {
  const dash = ' '.repeat(style.dashIndent);
  const keys = ' '.repeat(style.keyIndent);
  const name = `name: ${quote(item.name, style.nameQuote)}`;
  const description = `description: ${quote(item.description, style.descriptionQuote)}`;
  if (style.dashAlone) return [`${dash}-`, `${keys}${name}`, `${keys}${description}`];
  const gap = ' '.repeat(Math.max(1, style.keyIndent - style.dashIndent - 1));
  return [`${dash}-${gap}${name}`, `${keys}${description}`];
}

function blockStyle(text: string, seq: YAMLSeq): Style {
  const first = seq.items[0] as Node | null;
  const dashOffset = seq.range ? seq.range[0] : 0;
  const dashIndent = column(text, dashOffset);
  let keyIndent = dashIndent + 2;
  let dashAlone = false;
  if (isMap(first) && first.items.length > 0) {
    const key = first.items[0].key as Node;
    if (key.range) {
      keyIndent = column(text, key.range[0]);
      dashAlone = lineStart(text, key.range[0]) !== lineStart(text, dashOffset);
    }
  }
  const q = quoteStyleOf(seq);
  return { dashIndent, keyIndent, dashAlone, nameQuote: q.name, descriptionQuote: q.description };
}

/**
 * The quoting used for `name` and `description` values, from the existing items: the style
 * of the first value without an apostrophe (MOT quotes with `'…'` and switches to `"…"` only
 * for values containing one).
 */
function quoteStyleOf(seq: YAMLSeq): { name: Quote; description: Quote } {
  const maps = seq.items.filter((i): i is YAMLMap => isMap(i));
  const styleOf = (key: string): Quote | undefined => {
    let fallback: Quote | undefined;
    for (const map of maps) {
      const v = findPair(map, key)?.value;
      if (!isScalar(v) || typeof (v as Scalar).value !== 'string') continue;
      const t = (v as Scalar).type;
      const style: Quote = t === 'QUOTE_DOUBLE' ? 'double' : t === 'QUOTE_SINGLE' ? 'single' : 'plain';
      if (!String((v as Scalar).value).includes("'")) return style;
      fallback ??= style === 'double' ? 'single' : style;
    }
    return fallback;
  };
  const name = styleOf('name') ?? 'single';
  return { name, description: styleOf('description') ?? name };
}

/**
 * A YAML scalar in the requested style; single quotes switch to double when the text has an apostrophe (as MOT's dumper
 * does).
 */
export function quote(value: string, style: Quote, flow = false): string {
  const plainOk =
    !/^[-?:,[\]{}#&*!|>'"%@`\s]/.test(value) &&
    !/: |\s#/.test(value) &&
    !/[\s:]$/.test(value) &&
    !(flow && /[,[\]{}]/.test(value));
  if (style === 'plain' && plainOk) return value;
  if (style === 'double' || value.includes("'")) return JSON.stringify(value);
  return `'${value}'`;
}
