/**
 * YAML front matter of a Markdown file: `---` on the first line (after blank lines, which the
 * Hub's own card parser skips too), YAML, then a line with `---` (or `...`). Only that part is
 * parsed; offsets stay the file's own, so every range maps back to the file unchanged (the
 * opening `---` is a YAML document marker, valid as it is).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { parseYaml, ParseOptions, YamlParse } from './parse';

// A byte order mark is allowed before it: the editor drops it, the command line reads it.
const OPENING = /^\uFEFF?(?:[ \t]*\r?\n)*---[ \t]*\r?\n/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

/** Whether the text starts with a front matter marker: a look at the first line only. */
export function startsWithFrontMatter(text: string): boolean {
  return OPENING.test(text.slice(0, 64));
}

/** The front matter's extent: `end` is the offset of the closing marker's line; undefined without one. */
export function frontMatterEnd(text: string): number | undefined {
  const opening = OPENING.exec(text);
  if (!opening) return undefined;
  const rest = text.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  return closing ? opening[0].length + closing.index : undefined;
}

const NO_FRONT_MATTER: YamlParse = { yaml: undefined, value: undefined, parseDiagnostics: [] };

/** Parses the front matter only (nothing when there is none: the file is then no card). */
export function parseFrontMatter(document: TextDocument, text: string, options: ParseOptions = {}): YamlParse {
  const end = frontMatterEnd(text);
  if (end === undefined) return NO_FRONT_MATTER;
  const parse = parseYaml(document, text.slice(0, end), options);
  return parse.value === undefined ? { ...parse, topLevelKeys: keysAtLineStarts(text.slice(0, end)) } : parse;
}

/** `key:` at the start of a line, at most the first 200 (a card has a few dozen). */
function keysAtLineStarts(frontMatter: string): string[] {
  const keys: string[] = [];
  const key = /^([A-Za-z_][\w-]*)[ \t]*:/gm;
  for (let m = key.exec(frontMatter); m && keys.length < 200; m = key.exec(frontMatter)) keys.push(m[1]);
  return keys;
}

/** The body's level-1 to level-3 headings, with the offset of each (for "where does the card say it"). */
export function markdownHeadings(text: string, from: number): Array<{ level: number; title: string; offset: number }> {
  const out: Array<{ level: number; title: string; offset: number }> = [];
  const heading = /^(#{1,3})[ \t]+(.+?)[ \t#]*$/gm;
  heading.lastIndex = from;
  for (let m = heading.exec(text); m && out.length < 500; m = heading.exec(text)) {
    out.push({ level: m[1].length, title: m[2].trim(), offset: m.index });
  }
  return out;
}
