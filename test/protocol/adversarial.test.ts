/**
 * An editor under a fuzzer: seeded typing (LF, CRLF with the `\r` and `\n` sometimes in two
 * changes, tabs at line starts), block cut/paste and requests at random positions, sent over
 * stdio with incremental sync. After every answer: every range lies inside the client's text
 * and the answer equals what the in-process service computes for the client's text; at
 * checkpoints the server's diagnostics, symbols and lenses equal the in-process ones.
 *
 * Reproduce a failure with the seed and run it prints: OSAI_ADVERSARIAL_SEED=<seed>.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  CodeAction,
  CodeLens,
  CompletionItem,
  CompletionList,
  Diagnostic,
  DocumentDiagnosticReport,
  DocumentSymbol,
  Hover,
  InsertReplaceEdit,
  Position,
  Range,
  TextDocumentContentChangeEvent,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { getLanguageService, ParsedDocument } from '../../server/src/service';
import { ROOT } from '../helpers';
import { random } from '../fuzz/fuzzer';
import { Session, startSession, stopSession } from './session';

const SEED = Number(process.env.OSAI_ADVERSARIAL_SEED ?? 0x05a1d);
/** Keystrokes typed per document and flavour, and block edits after them. */
const TYPED = 600;
const BLOCK_EDITS = 60;
/** A checkpoint (whole-text comparison) at least every this many edits. */
const CHECKPOINT_EVERY = 25;
/** Only keeps a hung server from hanging the suite: every run does the same work however long it takes. */
const HANG_GUARD_MS = 120_000;

// The fuzzer's seeded generator (mulberry32): the same sequence on every machine.
const prng = random;

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

type Flavour = 'lf' | 'crlf' | 'tabs';

interface Subject {
  name: string;
  file: string;
  uri: string;
  languageId: string;
}

const SUBJECTS: Subject[] = [
  {
    name: 'manifest',
    file: 'examples/olmo-7b.osai.yaml',
    uri: 'file:///w/olmo-7b.osai.yaml',
    languageId: 'osai-manifest',
  },
  { name: 'MOF model', file: 'examples/models/Granite-4-1.yml', uri: 'file:///w/model.yml', languageId: 'yaml' },
  {
    name: 'model card',
    file: 'examples/cards/model/README.md',
    uri: 'file:///w/card/README.md',
    languageId: 'markdown',
  },
];

function flavoured(text: string, flavour: Flavour, random: () => number): string {
  const lf = text.replace(/\r\n/g, '\n');
  if (flavour === 'crlf') return lf.replace(/\n/g, '\r\n');
  if (flavour === 'tabs')
    return lf
      .split('\n')
      .map((line) => (random() < 0.25 ? '\t' + line : line))
      .join('\n');
  return lf;
}

const service = getLanguageService();

/** JSON as it crosses the wire (undefined fields dropped). */
const wire = <T>(value: T): T => (value === undefined ? null : JSON.parse(JSON.stringify(value))) as T;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer to ${what}: the server seems hung`)), HANG_GUARD_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The editor's side: its text (line breaks counted as the client counts them) and what it sends. */
class Editor {
  document: TextDocument;
  version = 1;
  /** The diagnostics the editor last received (maybe for an older version, as in an editor). */
  diagnostics: Diagnostic[] = [];
  private local: { version: number; parsed: ParsedDocument; diagnostics: Diagnostic[] } | undefined;

  constructor(
    readonly s: Session,
    readonly subject: Subject,
    text: string,
  ) {
    this.document = TextDocument.create(subject.uri, subject.languageId, this.version, text);
  }

  get text(): string {
    return this.document.getText();
  }

  async open(): Promise<void> {
    await this.s.rpc.sendNotification('textDocument/didOpen', {
      textDocument: {
        uri: this.subject.uri,
        languageId: this.subject.languageId,
        version: this.version,
        text: this.text,
      },
    });
  }

  async close(): Promise<void> {
    await this.s.rpc.sendNotification('textDocument/didClose', { textDocument: { uri: this.subject.uri } });
  }

  /** One didChange with these range changes, applied in order. */
  async change(changes: Array<{ range: Range; text: string }>): Promise<void> {
    this.version++;
    await this.s.rpc.sendNotification('textDocument/didChange', {
      textDocument: { uri: this.subject.uri, version: this.version },
      contentChanges: changes satisfies TextDocumentContentChangeEvent[],
    });
    // The client's text: each change applied at the client's positions, the line index then
    // computed afresh (a `\r` and a `\n` that meet are one line break for the client).
    let text = this.document;
    for (const c of changes) {
      text = TextDocument.create(
        this.subject.uri,
        this.subject.languageId,
        this.version,
        TextDocument.applyEdits(text, [{ range: c.range, newText: c.text }]),
      );
    }
    this.document = text;
  }

  /** The in-process service on the client's text, once per version. */
  analysis(): { parsed: ParsedDocument; diagnostics: Diagnostic[] } {
    if (this.local?.version !== this.version) {
      const parsed = service.parse(this.document);
      this.local = { version: this.version, parsed, diagnostics: service.doValidation(parsed) };
    }
    return this.local;
  }

  clamp(p: Position): Position {
    return this.document.positionAt(this.document.offsetAt(p));
  }

  request<T>(method: string, params: object): Promise<T> {
    const what = `${method} ${JSON.stringify(params)}`;
    return withTimeout(
      this.s.rpc.sendRequest(method, { textDocument: { uri: this.subject.uri }, ...params }) as Promise<T>,
      what,
    ).catch((error: unknown) => {
      throw new Error(`${what} failed: ${error instanceof Error ? error.message : String(error)}`);
    });
  }
}

// ---- every range inside the document ---------------------------------------------------------

function lineLength(document: TextDocument, line: number): number {
  const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  return text.replace(/(\r\n|\r|\n)$/, '').length;
}

function assertPosition(document: TextDocument, p: Position, where: string): void {
  assert.ok(
    Number.isInteger(p.line) && p.line >= 0 && p.line < document.lineCount,
    `${where}: line ${p.line} outside the document (${document.lineCount} lines)`,
  );
  const length = lineLength(document, p.line);
  assert.ok(
    Number.isInteger(p.character) && p.character >= 0 && p.character <= length,
    `${where}: character ${p.character} outside line ${p.line} (${length} characters)`,
  );
}

function assertRange(document: TextDocument, r: Range, where: string): void {
  assertPosition(document, r.start, `${where} start`);
  assertPosition(document, r.end, `${where} end`);
  assert.ok(document.offsetAt(r.start) <= document.offsetAt(r.end), `${where}: start after end ${JSON.stringify(r)}`);
}

function assertEdits(document: TextDocument, edits: readonly TextEdit[], where: string): void {
  edits.forEach((e, i) => assertRange(document, e.range, `${where} edit ${i}`));
  // Edits of one change must not overlap (VS Code rejects the whole change).
  const sorted = [...edits].sort((a, b) => document.offsetAt(a.range.start) - document.offsetAt(b.range.start));
  for (let i = 1; i < sorted.length; i++) {
    assert.ok(
      document.offsetAt(sorted[i - 1].range.end) <= document.offsetAt(sorted[i].range.start),
      `${where}: overlapping edits`,
    );
  }
}

function assertWorkspaceEdit(document: TextDocument, edit: WorkspaceEdit | undefined, where: string): void {
  if (!edit) return;
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) {
    if (uri === document.uri) assertEdits(document, edits, where);
  }
  for (const change of edit.documentChanges ?? []) {
    if ('edits' in change && change.textDocument.uri === document.uri)
      assertEdits(document, change.edits as TextEdit[], where);
  }
}

function assertSymbols(document: TextDocument, symbols: readonly DocumentSymbol[], where: string): void {
  for (const s of symbols) {
    assertRange(document, s.range, `${where} ${s.name} range`);
    assertRange(document, s.selectionRange, `${where} ${s.name} selectionRange`);
    assert.ok(
      document.offsetAt(s.range.start) <= document.offsetAt(s.selectionRange.start) &&
        document.offsetAt(s.selectionRange.end) <= document.offsetAt(s.range.end),
      `${where} ${s.name}: selectionRange outside range`,
    );
    assertSymbols(document, s.children ?? [], where);
  }
}

function assertCompletion(document: TextDocument, list: CompletionList | CompletionItem[] | null, where: string): void {
  const items = list === null ? [] : Array.isArray(list) ? list : list.items;
  for (const item of items) {
    const edit = item.textEdit;
    if (edit && 'range' in edit) assertRange(document, edit.range, `${where} ${item.label}`);
    if (edit && 'insert' in edit) {
      assertRange(document, (edit as InsertReplaceEdit).insert, `${where} ${item.label} insert`);
      assertRange(document, (edit as InsertReplaceEdit).replace, `${where} ${item.label} replace`);
    }
    assertEdits(document, item.additionalTextEdits ?? [], `${where} ${item.label} additional`);
  }
}

// ---- the run ---------------------------------------------------------------------------------

type Kind = 'completion' | 'hover' | 'codeAction' | 'documentSymbol' | 'codeLens';
const KINDS: Kind[] = ['completion', 'hover', 'codeAction', 'documentSymbol', 'codeLens'];

type Tally = { steps: number; requests: number; checkpoints: number };

async function run(s: Session, subject: Subject, flavour: Flavour): Promise<Tally> {
  const seed = (SEED ^ hash(`${subject.name}/${flavour}`)) >>> 0;
  const random = prng(seed);
  const int = (n: number) => Math.floor(random() * n);
  const source = flavoured(readFileSync(join(ROOT, subject.file), 'utf8'), flavour, random);

  // Type a window of the text (at the start, or at a line start) into the rest of it.
  const lineStarts = [
    0,
    ...[...source.matchAll(/\n/g)].map((m) => m.index! + 1).filter((o) => o + TYPED <= source.length),
  ];
  const windowStart = flavour === 'lf' ? 0 : lineStarts[int(lineStarts.length)];
  const windowEnd = Math.min(source.length, windowStart + TYPED);
  const editor = new Editor(s, subject, source.slice(0, windowStart) + source.slice(windowEnd));
  await editor.open();

  let step = 0;
  let requests = 0;
  let checkpoints = 0;
  let last = 'open';

  const randomPosition = (cursor: number): Position => {
    const d = editor.document;
    const r = random();
    if (r < 0.05) return { line: 10_000, character: int(5) };
    if (r < 0.1) return { line: int(d.lineCount), character: 10_000 };
    if (r < 0.25) {
      // Inside a `\r\n` (between the two), where the text has one.
      const crlf = [...d.getText().matchAll(/\r\n/g)];
      if (crlf.length > 0) {
        const p = d.positionAt(crlf[int(crlf.length)].index!);
        return { line: p.line, character: p.character + 1 };
      }
    }
    if (r < 0.4) return d.positionAt(cursor);
    const line = int(d.lineCount + 2);
    return { line, character: int((line < d.lineCount ? lineLength(d, line) : 0) + 3) };
  };

  const ask = async (kind: Kind, cursor: number): Promise<void> => {
    requests++;
    const d = editor.document;
    const where = `${kind} at step ${step}`;
    if (kind === 'completion' || kind === 'hover') {
      const position = randomPosition(cursor);
      last = `${kind} at ${JSON.stringify(position)}`;
      const { parsed } = editor.analysis();
      if (kind === 'completion') {
        const answer = await editor.request<CompletionList | null>('textDocument/completion', { position });
        assertCompletion(d, answer, where);
        assert.deepEqual(
          answer,
          wire(service.doComplete(parsed, editor.clamp(position), { snippets: true })),
          `${where}: the server's completion differs from the client text's`,
        );
      } else {
        const answer = await editor.request<Hover | null>('textDocument/hover', { position });
        if (answer?.range) assertRange(d, answer.range, where);
        assert.deepEqual(
          answer,
          wire(service.doHover(parsed, editor.clamp(position))),
          `${where}: the server's hover differs from the client text's`,
        );
      }
    } else if (kind === 'codeAction') {
      const a = randomPosition(cursor);
      const b = random() < 0.5 ? a : randomPosition(cursor);
      const [start, end] = d.offsetAt(a) <= d.offsetAt(b) ? [a, b] : [b, a];
      const range = { start, end };
      // The diagnostics the editor has (maybe from an older version): those touching the range, or all.
      const [from, to] = [d.offsetAt(start), d.offsetAt(end)];
      const diagnostics =
        random() < 0.2
          ? editor.diagnostics
          : editor.diagnostics.filter((x) => d.offsetAt(x.range.start) <= to && d.offsetAt(x.range.end) >= from);
      const only = random() < 0.2 ? ['quickfix'] : undefined;
      last =
        `codeAction at ${JSON.stringify(range)} with ${diagnostics.length} diagnostics` +
        `${only ? ' only quickfix' : ''}`;
      const answer = await editor.request<CodeAction[] | null>('textDocument/codeAction', {
        range,
        context: { diagnostics, ...(only ? { only } : {}) },
      });
      for (const action of answer ?? []) {
        assertWorkspaceEdit(d, action.edit, `${where} "${action.title}"`);
        for (const x of action.diagnostics ?? []) assertRange(d, x.range, `${where} "${action.title}" diagnostic`);
      }
      const { parsed, diagnostics: all } = editor.analysis();
      const clamped = diagnostics.map((x) => ({
        ...x,
        range: { start: editor.clamp(x.range.start), end: editor.clamp(x.range.end) },
      }));
      assert.deepEqual(
        answer,
        wire(service.getCodeActions(parsed, clamped, all, only)),
        `${where}: the server's code actions differ from the client text's`,
      );
    } else if (kind === 'documentSymbol') {
      last = 'documentSymbol';
      const answer = await editor.request<DocumentSymbol[] | null>('textDocument/documentSymbol', {});
      assertSymbols(d, answer ?? [], where);
      assert.deepEqual(
        answer,
        wire(service.findDocumentSymbols(editor.analysis().parsed)),
        `${where}: the server's symbols differ from the client text's`,
      );
    } else {
      last = 'codeLens';
      const answer = await editor.request<CodeLens[] | null>('textDocument/codeLens', {});
      for (const lens of answer ?? []) assertRange(d, lens.range, where);
      const { parsed, diagnostics } = editor.analysis();
      assert.deepEqual(
        answer,
        wire(service.getCodeLenses(parsed, diagnostics)),
        `${where}: the server's lenses differ from the client text's`,
      );
    }
  };

  /** The whole text compared: the server's diagnostics and symbols for this version against the client text's. */
  const checkpoint = async (): Promise<void> => {
    checkpoints++;
    last = `checkpoint v${editor.version}`;
    const d = editor.document;
    const report = await editor.request<DocumentDiagnosticReport & { items: Diagnostic[] }>(
      'textDocument/diagnostic',
      {},
    );
    assert.equal(report.kind, 'full');
    report.items.forEach((x, i) => assertRange(d, x.range, `diagnostic ${i} (${String(x.code)})`));
    const { parsed, diagnostics } = editor.analysis();
    const brief = (xs: Diagnostic[]) =>
      xs.map(
        (x) =>
          `${String(x.code)}@${x.range.start.line}:${x.range.start.character}-` +
          `${x.range.end.line}:${x.range.end.character}`,
      );
    assert.deepEqual(
      brief(report.items),
      brief(diagnostics),
      `checkpoint v${editor.version}: the server's diagnostics (codes, ranges) differ from the client text's`,
    );
    assert.deepEqual(
      report.items,
      wire(diagnostics),
      `checkpoint v${editor.version}: the server's diagnostics differ from the client text's`,
    );
    editor.diagnostics = report.items;
    const symbols = await editor.request<DocumentSymbol[] | null>('textDocument/documentSymbol', {});
    assertSymbols(d, symbols ?? [], 'checkpoint symbols');
    assert.deepEqual(
      symbols,
      wire(service.findDocumentSymbols(parsed)),
      `checkpoint v${editor.version}: the server's symbols differ from the client text's`,
    );
  };

  /** After each edit: maybe a request, and a checkpoint every CHECKPOINT_EVERY edits. */
  const edited = async (cursor: number): Promise<void> => {
    step++;
    if (random() < 0.15) await ask(KINDS[int(KINDS.length)], cursor);
    if (step % CHECKPOINT_EVERY === 0) await checkpoint();
  };

  try {
    // 1. Typing, one keystroke per didChange, at the cursor.
    let cursor = windowStart;
    let i = windowStart;
    while (i < windowEnd) {
      const at = editor.document.positionAt(cursor);
      if (source[i] === '\r' && source[i + 1] === '\n' && i + 1 < windowEnd && random() < 0.5) {
        // A split CRLF: the `\r`, maybe a request, then the `\n` where the client now sees line start.
        last = `split \\r at ${JSON.stringify(at)}`;
        await editor.change([{ range: { start: at, end: at }, text: '\r' }]);
        cursor++;
        if (random() < 0.5) await ask(KINDS[int(KINDS.length)], cursor);
        const next = editor.document.positionAt(cursor);
        last = `split \\n at ${JSON.stringify(next)}`;
        await editor.change([{ range: { start: next, end: next }, text: '\n' }]);
        cursor++;
        i += 2;
      } else {
        const key = source[i] === '\r' && source[i + 1] === '\n' && i + 1 < windowEnd ? '\r\n' : source[i];
        last = `type ${JSON.stringify(key)} at ${JSON.stringify(at)}`;
        await editor.change([{ range: { start: at, end: at }, text: key }]);
        cursor += key.length;
        i += key.length;
      }
      await edited(cursor);
    }
    assert.equal(editor.text, source, 'the client typed the whole window');
    await checkpoint();

    // 2. Block cut and paste: spans across line breaks, moved, restored, or pasted twice.
    let clipboard = '';
    for (let k = 0; k < BLOCK_EDITS; k++) {
      const d = editor.document;
      const length = d.getText().length;
      const a = int(length + 1);
      const b = Math.min(length, a + 1 + int(random() < 0.3 ? 400 : 60));
      const range = { start: d.positionAt(a), end: d.positionAt(b) };
      // Past twice the original length, only moves (the text stays bounded).
      const r = length > 2 * source.length ? 0 : random();
      if (r < 0.35 || clipboard === '') {
        // Cut, then (sometimes in the same notification, as a multi-cursor edit) paste elsewhere.
        clipboard = d.getText(range);
        const cutFrom = d.offsetAt(range.start);
        const rest = length - clipboard.length;
        const target = int(rest + 1);
        const inOne = random() < 0.3;
        last = `cut ${JSON.stringify(range)} (${JSON.stringify(clipboard.slice(0, 40))}…)`;
        if (inOne) {
          // The second change's position is in the text after the first change.
          const after = TextDocument.create(
            d.uri,
            d.languageId,
            0,
            d.getText().slice(0, cutFrom) + d.getText().slice(cutFrom + clipboard.length),
          );
          const p = after.positionAt(target);
          last += ` and paste at ${JSON.stringify(p)} in one notification`;
          await editor.change([
            { range, text: '' },
            { range: { start: p, end: p }, text: clipboard },
          ]);
        } else {
          await editor.change([{ range, text: '' }]);
          await edited(target);
          const p = editor.document.positionAt(target);
          last = `paste at ${JSON.stringify(p)}`;
          await editor.change([{ range: { start: p, end: p }, text: clipboard }]);
        }
        await edited(target);
      } else if (r < 0.7) {
        // Paste over a selection.
        last = `paste over ${JSON.stringify(range)}`;
        await editor.change([{ range, text: clipboard }]);
        await edited(a);
      } else {
        // Paste at a point.
        last = `paste at ${JSON.stringify(range.start)}`;
        await editor.change([{ range: { start: range.start, end: range.start }, text: clipboard }]);
        await edited(a);
      }
    }
    await checkpoint();
    // 3. Requests of every kind on the final text.
    for (const kind of KINDS) await ask(kind, int(editor.text.length + 1));
    assert.deepEqual(
      s.logs.filter((l) => /failed/.test(l)),
      [],
      'no handler failed',
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(
      `adversarial: seed ${SEED} (OSAI_ADVERSARIAL_SEED=${SEED}), run "${subject.name}/${flavour}" ` +
        `(seed ${seed}), step ${step}, version ${editor.version}, last: ${last}\n${message}`,
      { cause: error },
    );
  } finally {
    await editor.close();
  }
  return { steps: step, requests, checkpoints };
}

describe(`adversarial editing over stdio (seed ${SEED})`, () => {
  let s: Session;
  before(async () => {
    s = await startSession(true);
  });
  after(async () => {
    if (s) assert.equal(await stopSession(s), 0);
  });

  for (const subject of SUBJECTS) {
    for (const flavour of ['lf', 'crlf', 'tabs'] as const) {
      test(`${subject.name} (${subject.uri}), ${flavour}: typed, cut and pasted, asked anywhere`, async (t) => {
        const { steps, requests, checkpoints } = await run(s, subject, flavour);
        t.diagnostic(`${steps} edits, ${requests} requests, ${checkpoints} checkpoints`);
      });
    }
  }
});
