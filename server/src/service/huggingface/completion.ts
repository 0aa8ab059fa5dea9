/** Completion in a card's front matter: keys, and the Hub's license ids after `license:`. */
import {
  CompletionItem,
  CompletionItemKind,
  CompletionList,
  MarkupKind,
  Position,
  Range,
} from 'vscode-languageserver-types';
import { isScalar } from 'yaml';
import { licenseQualifies } from '../licenses';
import { frontMatterEnd } from '../yaml/frontMatter';
import type { ParsedYamlDocument } from '../yaml/parse';
import { readCard } from './card';
import { spdxOfHubId } from './hubLicenseMatch';
import { HUB_LICENSES } from './hubLicenses';
import { cardKeyDoc, cardKeys } from './keys';
import type { CardKind } from './rules';

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

export function cardCompletions(parsed: ParsedYamlDocument, kind: CardKind, position: Position): CompletionList {
  const text = parsed.text;
  const end = frontMatterEnd(text);
  const firstBreak = text.indexOf('\n');
  if (end === undefined || firstBreak < 0) return EMPTY;
  // Only on the front matter's own lines: never on the `---` lines, never in the Markdown body.
  const lineStart = parsed.document.offsetAt({ line: position.line, character: 0 });
  if (lineStart <= firstBreak || lineStart >= end) return EMPTY;
  const line = text.slice(lineStart, end).split(/\r\n|\r|\n/)[0];
  const before = line.slice(0, position.character);
  const after = line.slice(position.character);
  const indent = topLevelIndent(parsed);

  const value = /^([ \t]*)license[ \t]*:([ \t]*)([\w.+-]*)$/.exec(before);
  if (value && value[1] === indent && /^[\w.+-]*[ \t]*(#.*)?$/.test(after)) {
    const typed = value[3];
    const range = Range.create(position.line, position.character - typed.length, position.line, position.character);
    return { isIncomplete: false, items: hubLicenseItems(range, value[2] === '' ? ' ' : '') };
  }

  const key = /^([ \t]*)([\w-]*)$/.exec(before);
  if (key && key[1] === indent && /^[\w-]*[ \t]*$/.test(after)) {
    const typed = key[2];
    const range = Range.create(position.line, position.character - typed.length, position.line, position.character);
    const present = new Set(
      (readCard(parsed).map?.items ?? []).flatMap((p) => (isScalar(p.key) ? [String(p.key.value)] : [])),
    );
    return { isIncomplete: false, items: cardKeys(kind).map((k, i) => keyItem(k, kind, i, present.has(k), range)) };
  }
  return EMPTY;
}

/** The indentation of the front matter's keys (none, unless the whole mapping is indented). */
function topLevelIndent(parsed: ParsedYamlDocument): string {
  const first = readCard(parsed).map?.items[0]?.key as { range?: [number, number, number] } | undefined;
  if (!first?.range) return '';
  const start = first.range[0];
  const indent = parsed.text.slice(parsed.text.lastIndexOf('\n', start - 1) + 1, start);
  return /^[ \t]*$/.test(indent) ? indent : '';
}

/** The Hub's licenses with what each means for OSAID, built on the first completion (it evaluates every license). */
let hubLicenseOrder:
  ReadonlyArray<{ id: string; name: string; index: number; spdx: string | undefined; open: boolean }> | undefined;
const buildHubLicenseOrder = () =>
  HUB_LICENSES.map(({ id, name }, index) => {
    const spdx = spdxOfHubId(id);
    const open = spdx !== undefined && licenseQualifies(spdx, 'open');
    return { id, name, index, spdx, open };
  });

/** Open licenses (by their SPDX equivalent) first, then the others, each in the Hub's order. */
function hubLicenseItems(range: Range, prefix: string): CompletionItem[] {
  hubLicenseOrder ??= buildHubLicenseOrder();
  return hubLicenseOrder.map(({ id, name, index, spdx, open }) => ({
    label: id,
    kind: CompletionItemKind.Value,
    detail: name,
    ...(spdx ? { labelDetails: { description: open ? 'open' : 'not open' } } : {}),
    documentation: {
      kind: MarkupKind.Markdown,
      value:
        id === 'other'
          ? "A license not on the Hub's list: name it with `license_name` and say " +
            'where its text is with `license_link`.'
          : `${name}${spdx ? ` (SPDX \`${spdx}\`${open ? ', open: OSD-conformant' : ', not open'})` : ''}.`,
    },
    sortText: `${open ? 0 : 1}${String(index).padStart(3, '0')}`,
    filterText: id,
    textEdit: { range, newText: `${prefix}${id}` },
  }));
}

function keyItem(key: string, kind: CardKind, index: number, present: boolean, range: Range): CompletionItem {
  const doc = cardKeyDoc(key, kind)!;
  return {
    label: key,
    kind: CompletionItemKind.Property,
    detail: present ? `${doc.summary} (already in the card)` : doc.summary,
    documentation: { kind: MarkupKind.Markdown, value: doc.doc },
    sortText: `${present ? 1 : 0}${String(index).padStart(3, '0')}`,
    filterText: key,
    textEdit: { range, newText: `${key}: ` },
  };
}
