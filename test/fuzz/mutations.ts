/**
 * The fuzzer's mutations, shared by every format. Two kinds:
 *  - GENERIC_MUTATIONS work on bytes and lines with no idea of YAML (random bytes, shuffled
 *    lines, truncation, …): they find parser and range bugs but often turn a file into
 *    something no format claims;
 *  - YAML_MUTATIONS change values, licenses, comments and lines *below the format's header*
 *    (`MutationContext.bodyStart`), so the document mostly stays the format it was and its
 *    format-specific paths (license resolution, fixes, classes) get exercised.
 * Formats add their own structure-aware mutations in corpora.ts.
 */

/** What a mutation may know about the format: where the part it must keep to stay recognised ends. */
export interface MutationContext {
  /** Index of the first line that "gentle" mutations may touch (the lines before it identify the format). */
  bodyStart(lines: readonly string[]): number;
}

export type Mutation = (text: string, rnd: () => number, ctx: MutationContext) => string;

export const pick = <T>(items: readonly T[], rnd: () => number): T => items[Math.floor(rnd() * items.length)];
export const lines = (t: string): string[] => t.split('\n');
export const indentOf = (line: string): number => /^[ \t]*/.exec(line)![0].length;
const index = (n: number, rnd: () => number): number => Math.floor(rnd() * n);

/** A random index in [from, to), or undefined when the range is empty. */
export function between(from: number, to: number, rnd: () => number): number | undefined {
  return to > from ? from + index(to - from, rnd) : undefined;
}

export const WRONG_VALUES = [
  '[1, 2]',
  '{}',
  '{a: 1}',
  '123',
  '1.0',
  'true',
  'null',
  '~',
  '""',
  "''",
  '- x',
  '&a x',
  '*a',
  '!!binary aGk=',
  '|\n  block',
  '>-',
];

/** License strings of every kind the checks distinguish: open, restricted, misspelt, expressions, markers, junk. */
export const LICENSE_VALUES = [
  'MIT',
  'Apache-2.0',
  "'Apache-2.0'",
  '"MIT"',
  'apache-2.0',
  'Apache 2.0',
  "'Apache License 2.0'",
  'GPL-2.0',
  'GPL-2.0+',
  'GPL-3.0-or-later',
  'AGPL-3.0',
  'LGPL-2.1',
  'BSD-3-Clause',
  'bsd-3-clause',
  '0BSD',
  'Unlicense',
  'WTFPL',
  'CC-BY-4.0',
  'CC-BY-SA-4.0',
  'CC-BY-NC-4.0',
  'CC0-1.0',
  'ODbL-1.0',
  'CDLA-Permissive-2.0',
  'OpenMDW-1.0',
  'llama3',
  "'Llama 3 Community License'",
  'gemma',
  "'Gemma Terms of Use'",
  'OpenRAIL-M',
  'BigScience-OpenRAIL-M',
  'CreativeML-OpenRAIL-M',
  'LicenseRef-Custom',
  'LicenseRef-',
  'DocumentRef-x:LicenseRef-y',
  'unlicensed',
  'Unlicensed',
  "'unlicensed'",
  "''",
  '""',
  '{}',
  '{  }',
  '[]',
  '~',
  'null',
  "'MIT OR Apache-2.0'",
  "'MIT AND CC-BY-4.0'",
  "'GPL-2.0-only WITH Classpath-exception-2.0'",
  "'(MIT'",
  "'MIT OR'",
  'Proprietary',
  "'not included'",
  'unknown',
  'N/A',
  'TBD',
  'other',
  '123',
  'true',
  "'  MIT  '",
  "'mit'",
  "'Apache-2.0\\n'",
  '"Apache-2.0\\u0000"',
  "'Llama-2'",
  "'CC BY 4.0'",
  "'CC-BY-4.0+'",
];

export const GENERIC_MUTATIONS: Readonly<Record<string, Mutation>> = {
  deleteLine: (t, r) => {
    const l = lines(t);
    l.splice(index(l.length, r), 1);
    return l.join('\n');
  },
  duplicateLine: (t, r) => {
    const l = lines(t);
    const i = index(l.length, r);
    l.splice(i, 0, l[i]);
    return l.join('\n');
  },
  swapLines: (t, r) => {
    const l = lines(t);
    const i = index(l.length, r);
    const j = index(l.length, r);
    [l[i], l[j]] = [l[j], l[i]];
    return l.join('\n');
  },
  shuffleLines: (t, r) =>
    lines(t)
      .map((l) => [r(), l] as const)
      .sort((a, b) => a[0] - b[0])
      .map(([, l]) => l)
      .join('\n'),
  randomBytes: (t, r) => {
    const i = index(t.length + 1, r);
    const junk = Array.from({ length: 1 + index(8, r) }, () => String.fromCharCode(index(256, r))).join('');
    return t.slice(0, i) + junk + t.slice(i);
  },
  deleteRange: (t, r) => {
    const i = index(t.length, r);
    return t.slice(0, i) + t.slice(i + index(40, r));
  },
  unbalancedQuote: (t, r) => {
    const i = index(t.length + 1, r);
    return t.slice(0, i) + pick(['"', "'", '{', '[', '}', ']'], r) + t.slice(i);
  },
  tabs: (t, r) => {
    const l = lines(t);
    const i = index(l.length, r);
    l[i] = l[i].replace(/^ +/, '\t');
    return l.join('\n');
  },
  deepNesting: (t, r) => {
    const depth = 1 + index(300, r);
    const l = lines(t);
    l.splice(index(l.length, r), 0, `x-deep: ${'['.repeat(depth)}${']'.repeat(r() < 0.5 ? depth : 0)}`);
    return l.join('\n');
  },
  hugeScalar: (t, r) => {
    const l = lines(t);
    const i = index(l.length, r);
    l[i] = l[i].replace(/: .*$/, `: ${'x'.repeat(1000 + index(100_000, r))}`);
    return l.join('\n');
  },
  wrongType: (t, r) => {
    const l = lines(t);
    const i = index(l.length, r);
    l[i] = l[i].replace(/:( .*)?$/, `: ${pick(WRONG_VALUES, r)}`);
    return l.join('\n');
  },
  crlf: (t) => t.replace(/\n/g, '\r\n'),
  truncate: (t, r) => t.slice(0, index(t.length, r)),
  indentShift: (t, r) => {
    const l = lines(t);
    const i = index(l.length, r);
    l[i] = (r() < 0.5 ? ' ' : '   ') + l[i];
    return l.join('\n');
  },
};

/** `key: value` lines (block mappings, list items `- key: value`); group 1 is everything up to the value. */
const KEY_VALUE = /^(\s*(?:-\s+)?[^\s#:'"[\]{}-][^:#]*:)(?:[ \t]+(.*))?$/;
/**
 * A `license:` key anywhere (block or flow); group 2 is its value on the same line (a scalar or a one-line flow
 * collection), if any.
 */
const LICENSE_KEY = /(\blicense[ \t]*:)([ \t]*(?:\{[^{}\n]*\}|\[[^[\]\n]*\]|[^,{}[\]\n#]*))/g;
/** Keys under which a `name:` is a license (MOF `release.license.<kind>.name`). */
const LICENSE_PARENT = /^\s*(?:license|distribution|code|data|document)\s*:\s*$/;

/** The nearest line above `i` that is less indented (its parent key in block YAML), or -1. */
export function parentLine(l: readonly string[], i: number): number {
  const own = indentOf(l[i]);
  for (let j = i - 1; j >= 0; j--)
    if (l[j].trim() !== '' && !l[j].trimStart().startsWith('#') && indentOf(l[j]) < own) return j;
  return -1;
}

/** Line indices from `from` on whose text matches `re`. */
export function linesMatching(l: readonly string[], re: RegExp, from = 0): number[] {
  const out: number[] = [];
  for (let i = from; i < l.length; i++) if (re.test(l[i])) out.push(i);
  return out;
}

const VALUE_POOL = [
  ...WRONG_VALUES,
  "'2024-12-15'",
  '2024-12-15',
  "'1.0'",
  "''",
  'x',
  "'üñí© ☃ 𝔘'",
  "'a\\tb'",
  '"\\u00e9"',
  "'it''s'",
  '"unterminated',
  "'# not a comment'",
  'value # comment',
  '!!str 1',
  '!custom tag',
];

export const YAML_MUTATIONS: Readonly<Record<string, Mutation>> = {
  /** Delete a line below the header. */
  deleteBodyLine: (t, r, ctx) => {
    const l = lines(t);
    const i = between(ctx.bodyStart(l), l.length, r);
    if (i !== undefined) l.splice(i, 1);
    return l.join('\n');
  },
  /** Duplicate a line below the header (duplicate keys, duplicate list items). */
  duplicateBodyLine: (t, r, ctx) => {
    const l = lines(t);
    const i = between(ctx.bodyStart(l), l.length, r);
    if (i !== undefined) l.splice(i, 0, l[i]);
    return l.join('\n');
  },
  /** Replace the value of a `key: value` line below the header. */
  mutateValue: (t, r, ctx) => {
    const l = lines(t);
    const candidates = linesMatching(l, KEY_VALUE, ctx.bodyStart(l));
    if (candidates.length === 0) return t;
    const i = pick(candidates, r);
    l[i] = l[i].replace(KEY_VALUE, (_m, key: string) => `${key} ${pick(VALUE_POOL, r)}`);
    return l.join('\n');
  },
  /** Change one license value: a `license:` key (block or flow) or a `name:` under a license kind. */
  changeLicense: (t, r, ctx) => {
    const l = lines(t);
    const start = ctx.bodyStart(l);
    const lineOffsets: number[] = [];
    l.reduce((offset, line) => (lineOffsets.push(offset), offset + line.length + 1), 0);
    const bodyOffset = lineOffsets[start] ?? t.length;
    // [from, to): the value after the colon, spaces included, comment excluded.
    const targets: Array<[number, number]> = [];
    for (const m of t.matchAll(LICENSE_KEY)) {
      const from = m.index! + m[1].length;
      if (from >= bodyOffset) targets.push([from, from + m[2].trimEnd().length]);
    }
    l.forEach((line, i) => {
      const m = /^(\s*name\s*:)([^#]*)/.exec(line);
      if (i < start || !m) return;
      const p = parentLine(l, i);
      if (p >= 0 && LICENSE_PARENT.test(l[p]))
        targets.push([lineOffsets[i] + m[1].length, lineOffsets[i] + m[1].length + m[2].trimEnd().length]);
    });
    if (targets.length === 0) return t;
    const [from, to] = pick(targets, r);
    return `${t.slice(0, from)} ${pick(LICENSE_VALUES, r)}${t.slice(to)}`;
  },
  /** Add a `license: …` line to a list item that has a `name`. */
  addItemLicense: (t, r, ctx) => {
    const l = lines(t);
    const names = linesMatching(l, /^\s*(?:-\s+)?name\s*:/, ctx.bodyStart(l));
    if (names.length === 0) return t;
    const i = pick(names, r);
    const column = l[i].indexOf('name');
    l.splice(i + 1, 0, `${' '.repeat(column)}license: ${pick(LICENSE_VALUES, r)}`);
    return l.join('\n');
  },
  /** A comment line or a trailing comment below the header (fixes must keep comments; ranges must skip them). */
  addComment: (t, r, ctx) => {
    const l = lines(t);
    const i = between(ctx.bodyStart(l), l.length, r);
    if (i === undefined) return t;
    const comment = pick(['# note', '#', '# license: MIT', '# - name: Training code', '#: x', '# ünïcödé'], r);
    if (r() < 0.5) l.splice(i, 0, ' '.repeat(indentOf(l[i])) + comment);
    else l[i] = `${l[i]} ${comment}`;
    return l.join('\n');
  },
  /** Move a line below the header up or down by one. */
  swapBodyLines: (t, r, ctx) => {
    const l = lines(t);
    const i = between(ctx.bodyStart(l), l.length - 1, r);
    if (i !== undefined) [l[i], l[i + 1]] = [l[i + 1], l[i]];
    return l.join('\n');
  },
};
