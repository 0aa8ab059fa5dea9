/**
 * The fuzzer: seeded mutations of real manifests, each run through every service function.
 * Used by the bounded test in the suite and by `npm run fuzz` for long runs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { TextEdit } from 'vscode-languageserver-types';
import { parseDocument } from 'yaml';
import { getLanguageService } from '../../server/src/service';

const ROOT = join(__dirname, '..', '..');

export function seedTexts(): string[] {
  const dirs = [join(ROOT, 'examples'), join(ROOT, 'test', 'fixtures', 'manifests')];
  return dirs.flatMap((dir) => readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => readFileSync(join(dir, f), 'utf8')));
}

/** mulberry32: small, fast, seeded. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Mutation = (text: string, rnd: () => number) => string;
const pick = <T>(items: readonly T[], rnd: () => number): T => items[Math.floor(rnd() * items.length)];
const lines = (t: string) => t.split('\n');
const WRONG_VALUES = ['[1, 2]', '{}', '{a: 1}', '123', '1.0', 'true', 'null', '~', '""', "''", '- x', '&a x', '*a', '!!binary aGk=', '|\n  block', '>-'];

export const MUTATIONS: Record<string, Mutation> = {
  deleteLine: (t, r) => { const l = lines(t); l.splice(Math.floor(r() * l.length), 1); return l.join('\n'); },
  duplicateLine: (t, r) => { const l = lines(t); const i = Math.floor(r() * l.length); l.splice(i, 0, l[i]); return l.join('\n'); },
  swapLines: (t, r) => { const l = lines(t); const i = Math.floor(r() * l.length); const j = Math.floor(r() * l.length); [l[i], l[j]] = [l[j], l[i]]; return l.join('\n'); },
  shuffleLines: (t, r) => lines(t).map((l) => [r(), l] as const).sort((a, b) => a[0] - b[0]).map(([, l]) => l).join('\n'),
  randomBytes: (t, r) => { const i = Math.floor(r() * (t.length + 1)); const junk = Array.from({ length: 1 + Math.floor(r() * 8) }, () => String.fromCharCode(Math.floor(r() * 256))).join(''); return t.slice(0, i) + junk + t.slice(i); },
  deleteRange: (t, r) => { const i = Math.floor(r() * t.length); return t.slice(0, i) + t.slice(i + Math.floor(r() * 40)); },
  unbalancedQuote: (t, r) => { const i = Math.floor(r() * (t.length + 1)); return t.slice(0, i) + pick(['"', "'", '{', '[', '}', ']'], r) + t.slice(i); },
  tabs: (t, r) => { const l = lines(t); const i = Math.floor(r() * l.length); l[i] = l[i].replace(/^ +/, '\t'); return l.join('\n'); },
  deepNesting: (t, r) => { const depth = 1 + Math.floor(r() * 300); const l = lines(t); l.splice(Math.floor(r() * l.length), 0, `x-deep: ${'['.repeat(depth)}${']'.repeat(r() < 0.5 ? depth : 0)}`); return l.join('\n'); },
  hugeScalar: (t, r) => { const l = lines(t); const i = Math.floor(r() * l.length); l[i] = l[i].replace(/: .*$/, `: ${'x'.repeat(1000 + Math.floor(r() * 100_000))}`); return l.join('\n'); },
  wrongType: (t, r) => { const l = lines(t); const i = Math.floor(r() * l.length); l[i] = l[i].replace(/:( .*)?$/, `: ${pick(WRONG_VALUES, r)}`); return l.join('\n'); },
  crlf: (t) => t.replace(/\n/g, '\r\n'),
  truncate: (t, r) => t.slice(0, Math.floor(r() * t.length)),
  indentShift: (t, r) => { const l = lines(t); const i = Math.floor(r() * l.length); l[i] = (r() < 0.5 ? ' ' : '   ') + l[i]; return l.join('\n'); },
};
const MUTATION_NAMES = Object.keys(MUTATIONS);

export interface FuzzFailure { seed: number; mutations: string[]; error: string; text: string }

const service = getLanguageService();

/** Runs one case; returns a failure or undefined. */
export function runCase(seed: number, seeds: readonly string[]): FuzzFailure | undefined {
  const r = random(seed);
  let text = pick(seeds, r);
  const applied: string[] = [];
  const rounds = 1 + Math.floor(r() * 3);
  for (let i = 0; i < rounds; i++) {
    const name = pick(MUTATION_NAMES, r);
    applied.push(name);
    text = MUTATIONS[name](text, r);
  }
  try {
    exercise(text, r);
    return undefined;
  } catch (error) {
    return { seed, mutations: applied, error: error instanceof Error ? error.stack ?? error.message : String(error), text };
  }
}

function assertInside(document: TextDocument, range: { start: { line: number; character: number }; end: { line: number; character: number } }, what: string): void {
  const last = document.lineCount - 1;
  for (const p of [range.start, range.end]) {
    if (p.line < 0 || p.line > last || p.character < 0) throw new Error(`${what}: position ${p.line}:${p.character} outside the document`);
    const lineLength = document.offsetAt({ line: p.line + 1, character: 0 }) - document.offsetAt({ line: p.line, character: 0 });
    if (p.line < last && p.character > lineLength) throw new Error(`${what}: column ${p.character} beyond line ${p.line}`);
  }
  if (document.offsetAt(range.start) > document.offsetAt(range.end)) throw new Error(`${what}: range ends before it starts`);
}

/** Calls every service function on the text and checks the invariants. */
export function exercise(text: string, r: () => number): void {
  const document = TextDocument.create('file:///fuzz/osai.yaml', 'osai-manifest', 1, text);
  const parsed = service.parse(document);
  const diagnostics = service.doValidation(parsed);
  for (const d of diagnostics) assertInside(document, d.range, `diagnostic ${d.code}`);
  service.getCodeLenses(parsed, diagnostics);
  for (const s of service.findDocumentSymbols(parsed)) assertInside(document, s.range, 'symbol');
  for (let i = 0; i < 3; i++) {
    const position = document.positionAt(Math.floor(r() * (text.length + 1)));
    const hover = service.doHover(parsed, position);
    if (hover?.range) assertInside(document, hover.range, 'hover');
    for (const item of service.doComplete(parsed, position, { snippets: r() < 0.5 }).items) {
      if (item.textEdit && 'range' in item.textEdit) assertInside(document, item.textEdit.range, 'completion');
    }
  }
  const cleanYaml = parsed.yaml !== undefined && parsed.yaml.errors.length === 0;
  const actions = service.getCodeActions(parsed, diagnostics, diagnostics);
  for (const action of actions) {
    const edits = action.edit?.changes?.[document.uri] ?? [];
    checkEdits(document, edits, action.title);
    const fixed = TextDocument.applyEdits(document, edits);
    if (cleanYaml && parseDocument(fixed).errors.length > 0) {
      throw new Error(`quick fix "${action.title}" broke the YAML:\n${fixed}`);
    }
  }
}

function checkEdits(document: TextDocument, edits: TextEdit[], title: string): void {
  const sorted = edits.map((e) => [document.offsetAt(e.range.start), document.offsetAt(e.range.end)] as const).sort((a, b) => a[0] - b[0]);
  for (const e of edits) assertInside(document, e.range, `edit of "${title}"`);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i][0] < sorted[i - 1][1]) throw new Error(`quick fix "${title}" has overlapping edits`);
  }
}

