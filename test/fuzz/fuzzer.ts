/**
 * The fuzzer: seeded mutations of every format's seed texts (corpora.ts), each run through
 * every service function with its invariants checked. Used by the bounded test in the suite
 * and by `npm run fuzz` for long runs. A case is identified by (format id, seed): the same
 * pair always builds the same text.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, Range, TextEdit } from 'vscode-languageserver-types';
import { getLanguageService } from '../../server/src/service';
import { DEFAULT_FORMATS } from '../../server/src/service/formats/registry';
import { corpusFor, FormatCorpus } from './corpora';
import { GENERIC_MUTATIONS, Mutation, MutationContext, pick, YAML_MUTATIONS } from './mutations';

/** The ids of the formats fuzzed: every format the service recognises, from the registry. */
export const FORMAT_IDS: readonly string[] = DEFAULT_FORMATS.map((f) => f.id);

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

/** Share of mutation rounds that use the byte/line mutations (the rest use the YAML- and format-aware ones). */
const GENERIC_SHARE = 0.4;

export interface FuzzCase {
  format: string;
  seed: number;
  /** The seed text's name (file, variant). */
  from: string;
  mutations: string[];
  text: string;
  /** Whether the mutated document is still recognised as `format` (the format's own paths ran). */
  recognised: boolean;
  /** The error (with stack) when an invariant failed; undefined when the case passed. */
  error?: string;
}

const service = getLanguageService();

interface Prepared {
  corpus: FormatCorpus;
  context: MutationContext;
  structured: Array<[string, Mutation]>;
}
const prepared = new Map<string, Prepared>();

function prepare(format: string): Prepared {
  let p = prepared.get(format);
  if (!p) {
    const corpus = corpusFor(format);
    const bodyStart = corpus.bodyStart ?? (() => 0);
    p = { corpus, context: { bodyStart }, structured: Object.entries({ ...YAML_MUTATIONS, ...corpus.mutations }) };
    prepared.set(format, p);
  }
  return p;
}
const GENERIC: Array<[string, Mutation]> = Object.entries(GENERIC_MUTATIONS);

/** The mutated text of case (format, seed), and what made it. */
export function buildCase(
  format: string,
  seed: number,
): { r: () => number; from: string; mutations: string[]; text: string } {
  const { corpus, context, structured } = prepare(format);
  const r = random(seed);
  const start = pick(corpus.seeds, r);
  let text = start.text;
  const mutations: string[] = [];
  const rounds = 1 + Math.floor(r() * 3);
  for (let i = 0; i < rounds; i++) {
    const [name, mutation] = pick(r() < GENERIC_SHARE ? GENERIC : structured, r);
    mutations.push(name);
    text = mutation(text, r, context);
  }
  return { r, from: start.name, mutations, text };
}

/** Runs one case: builds its text and exercises every service function on it. */
export function runCase(format: string, seed: number): FuzzCase {
  const { r, from, mutations, text } = buildCase(format, seed);
  const result: FuzzCase = { format, seed, from, mutations, text, recognised: false };
  try {
    result.recognised = exercise(prepare(format).corpus, text, r) === format;
  } catch (error) {
    result.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
  }
  return result;
}

/** How to read a failed case, and how to run it again. */
export function describeFailure(c: FuzzCase, textChars = 2000): string {
  return [
    `format ${c.format}, seed ${c.seed} (from ${c.from}; mutations: ${c.mutations.join(' + ')}): ${c.error}`,
    `reproduce: FUZZ_FORMAT=${c.format} FUZZ_SEED=${c.seed} npm run fuzz -- 1`,
    '--- text ---',
    c.text.length > textChars
      ? `${c.text.slice(0, textChars)}\n[… ${c.text.length - textChars} more characters]`
      : c.text,
  ].join('\n');
}

type Rangeish = Pick<Range, 'start' | 'end'>;

function assertInside(document: TextDocument, range: Rangeish, what: string): void {
  const last = document.lineCount - 1;
  for (const p of [range.start, range.end]) {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character))
      throw new Error(`${what}: position ${p.line}:${p.character} is not integral`);
    if (p.line < 0 || p.line > last || p.character < 0)
      throw new Error(`${what}: position ${p.line}:${p.character} outside the document`);
    const lineLength =
      document.offsetAt({ line: p.line + 1, character: 0 }) - document.offsetAt({ line: p.line, character: 0 });
    if (p.line < last && p.character > lineLength)
      throw new Error(`${what}: column ${p.character} beyond line ${p.line}`);
  }
  if (document.offsetAt(range.start) > document.offsetAt(range.end))
    throw new Error(`${what}: range ends before it starts`);
}

const ONLY_KINDS: ReadonlyArray<readonly string[] | undefined> = [
  undefined,
  undefined,
  ['quickfix'],
  ['source'],
  ['refactor'],
];

/**
 * Calls every service function on the text and checks the invariants: nothing throws, every
 * range (diagnostics, symbols, hovers, completions, lenses, checklist items, edits) lies inside
 * the document, edits do not overlap and only touch this document, and a fix applied leaves a
 * document of the same format with no YAML error it did not have (on broken YAML, fixes change
 * one line at a time). Returns the format the document was recognised as.
 */
export function exercise(corpus: Pick<FormatCorpus, 'uri' | 'languageId'>, text: string, r: () => number): string {
  const document = TextDocument.create(corpus.uri, corpus.languageId, 1, text);
  const parsed = service.parse(document);
  if (parsed.kind !== parsed.format.id)
    throw new Error(`parsed.kind ${parsed.kind} is not its format's id ${parsed.format.id}`);
  if (parsed.kind !== 'none' && !service.mayClaimFile(document.uri, () => text))
    throw new Error(`recognised as ${parsed.kind}, but mayClaimFile says no format may claim it`);
  const diagnostics = service.doValidation(parsed);
  for (const d of diagnostics) assertInside(document, d.range, `diagnostic ${d.code}`);
  for (const lens of service.getCodeLenses(parsed, diagnostics)) assertInside(document, lens.range, 'code lens');
  const symbols = service.findDocumentSymbols(parsed);
  for (let i = 0; i < symbols.length; i++) {
    const s = symbols[i];
    assertInside(document, s.range, `symbol ${s.name}`);
    assertInside(document, s.selectionRange, `symbol ${s.name} (selection)`);
    if (s.children) symbols.push(...s.children);
  }
  for (let i = 0; i < 3; i++) {
    const position = document.positionAt(Math.floor(r() * (text.length + 1)));
    const hover = service.doHover(parsed, position);
    if (hover?.range) assertInside(document, hover.range, 'hover');
    for (const item of service.doComplete(parsed, position, { snippets: r() < 0.5 }).items) {
      if (item.textEdit && 'range' in item.textEdit) assertInside(document, item.textEdit.range, 'completion');
      if (item.textEdit && 'insert' in item.textEdit) {
        assertInside(document, item.textEdit.insert, 'completion (insert)');
        assertInside(document, item.textEdit.replace, 'completion (replace)');
      }
      for (const e of item.additionalTextEdits ?? []) assertInside(document, e.range, 'completion (additional edit)');
    }
  }
  const checklist = service.getChecklist(parsed, diagnostics);
  if (checklist) {
    if (checklist.kind !== parsed.kind)
      throw new Error(`checklist kind ${checklist.kind} for a ${parsed.kind} document`);
    for (const group of checklist.groups)
      for (const item of group.items) assertInside(document, item.range, `checklist item ${item.id}`);
    for (const level of checklist.classification?.levels ?? []) {
      if (!(level.percent >= 0 && level.percent <= 100))
        throw new Error(`checklist progress ${level.title}: ${level.percent}%`);
    }
    if (r() < 0.05)
      service.renderReport([{ file: 'fuzz.yaml', checklist }], r() < 0.5 ? 'md' : 'html', { date: new Date(0) });
  }
  service.summarize(parsed, diagnostics);

  const yamlErrors = parsed.yaml?.errors.map((e) => e.message);
  const actions = service.getCodeActions(parsed, diagnostics, diagnostics);
  // As an editor asks: the diagnostics under the cursor, sometimes for one kind only.
  for (let i = 0; i < 2 && diagnostics.length > 0; i++) {
    actions.push(...service.getCodeActions(parsed, [pick(diagnostics, r)], diagnostics, pick(ONLY_KINDS, r)));
  }
  const distinct = new Map<string, CodeAction>(); // the class-level actions come with every request
  for (const action of actions) distinct.set(`${action.title}\0${JSON.stringify(action.edit)}`, action);
  // Every action's edits are checked; applying and re-parsing (the costly part) is done for a
  // random few per case — the fix-safety test applies every fix of every fixture.
  const reparse = new Set(
    [...distinct.values()]
      .map((a) => [r(), a] as const)
      .sort((a, b) => a[0] - b[0])
      .slice(0, REPARSED_FIXES)
      .map(([, a]) => a),
  );
  for (const action of distinct.values()) checkAction(document, parsed.kind, action, yamlErrors, reparse.has(action));
  return parsed.kind;
}

/** How many of a case's fixes are applied and re-parsed. */
const REPARSED_FIXES = Number(process.env.FUZZ_REPARSED_FIXES ?? 4);

/**
 * One action's invariants: it edits this document only, with edits inside it that do not
 * overlap; on YAML with errors (`yamlErrors` not empty) every edit stays within one line. When
 * `reparse`, the fixed text is parsed again: it must be the same format, and add no YAML error
 * (clean YAML stays clean). Unparsed documents (refused by a guard) are not re-parsed.
 */
function checkAction(
  document: TextDocument,
  kind: string,
  action: CodeAction,
  yamlErrors: readonly string[] | undefined,
  reparse: boolean,
): void {
  const changes = action.edit?.changes ?? {};
  for (const uri of Object.keys(changes))
    if (uri !== document.uri) throw new Error(`quick fix "${action.title}" edits another document: ${uri}`);
  if (action.edit?.documentChanges) throw new Error(`quick fix "${action.title}" uses documentChanges`);
  const edits = changes[document.uri] ?? [];
  checkEdits(document, edits, action.title);
  const broken = yamlErrors !== undefined && yamlErrors.length > 0;
  if (broken && edits.some((e) => e.range.start.line !== e.range.end.line || /[\r\n]/.test(e.newText))) {
    throw new Error(`quick fix "${action.title}" changes more than one line while the YAML has errors`);
  }
  if (!reparse || yamlErrors === undefined) return;
  const fixed = service.parse(
    TextDocument.create(document.uri, document.languageId, 2, TextDocument.applyEdits(document, edits)),
  );
  const left = [...yamlErrors];
  const added = (fixed.yaml?.errors.map((e) => e.message) ?? ['not parsed']).filter((e) => {
    const i = left.indexOf(e);
    if (i < 0) return true;
    left.splice(i, 1);
    return false;
  });
  if (added.length > 0)
    throw new Error(`quick fix "${action.title}" added YAML errors (${added.join('; ')}):\n${fixed.text}`);
  if (fixed.kind !== kind)
    throw new Error(`quick fix "${action.title}" turned a ${kind} document into ${fixed.kind}:\n${fixed.text}`);
}

function checkEdits(document: TextDocument, edits: TextEdit[], title: string): void {
  const sorted = edits
    .map((e) => [document.offsetAt(e.range.start), document.offsetAt(e.range.end)] as const)
    .sort((a, b) => a[0] - b[0]);
  for (const e of edits) assertInside(document, e.range, `edit of "${title}"`);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i][0] < sorted[i - 1][1]) throw new Error(`quick fix "${title}" has overlapping edits`);
  }
}

/** Tally of a run, per format. */
export interface FormatTally {
  cases: number;
  recognised: number;
  failures: FuzzCase[];
  ms: number;
}

/**
 * Runs `cases` cases of one format (seeds `first` …), stopping after `maxFailures` failures.
 * `onCase` sees every case (progress, slow-case reports).
 */
export function runFormat(
  format: string,
  first: number,
  cases: number,
  maxFailures = Infinity,
  onCase?: (c: FuzzCase, ms: number) => void,
): FormatTally {
  const tally: FormatTally = { cases: 0, recognised: 0, failures: [], ms: 0 };
  const started = Date.now();
  for (let seed = first; seed < first + cases && tally.failures.length < maxFailures; seed++) {
    const t = performance.now();
    const c = runCase(format, seed);
    onCase?.(c, performance.now() - t);
    tally.cases++;
    if (c.recognised) tally.recognised++;
    if (c.error !== undefined) tally.failures.push(c);
  }
  tally.ms = Date.now() - started;
  return tally;
}
