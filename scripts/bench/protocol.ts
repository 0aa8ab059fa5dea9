/**
 * The protocol-level section of `npm run bench` (`--protocol` runs it alone): what a user
 * feels, measured over stdio with one small LSP client of our own that drives both our
 * server (`server/out/server.js`) and yaml-language-server with our JSON Schema.
 *
 * Keystroke → diagnostics (push and pull), spawn → first diagnostics, the command line's
 * start, the server's memory over many files and many edits, and a coalescing check.
 * Every wait has a timeout naming what it awaited; every spawned process is killed at the end.
 */
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { getLanguageService } from '../../server/src/service';
import { generateManifest } from '../bench';

const ROOT = join(__dirname, '..', '..');
const OURS_SERVER = join(ROOT, 'server', 'out', 'server.js');
/** The `osai-check` bin (server/out/cli.js is the module it runs; loading that alone checks nothing). */
const OURS_CLI = join(ROOT, 'bin', 'osai-check.js');
const YLS_SERVER = join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const SCHEMA_URI = pathToFileURL(join(ROOT, 'schemas', 'osai-manifest.schema.json')).href;

/** Manifest sizes (lines) for keystroke → diagnostics; yaml-language-server runs the first three. */
export const KEYSTROKE_SIZES = [100, 1_000, 5_000, 10_000] as const;
const YLS_SIZES: readonly number[] = [100, 1_000, 5_000];
/** Keystrokes: a change every INTERVAL ms (or as soon as the previous answer came, if later). */
const INTERVAL_MS = 250;
const WARMUP = 10;
const MEASURED = 20;
const SPAWNS = 15;
const CLI_RUNS = 25;
const MOF_FILES = 300;
const EDIT_CHECKPOINTS = [1_000, 5_000, 10_000] as const;
/** Edits are sent in batches of this many; the publication of the batch's last version is awaited. */
const EDIT_BATCH = 100;
const EDITS_DEADLINE_MS = 150_000;
const BURST = 50;
const TIMEOUT_MS = 15_000;

type ServerKind = 'ours' | 'yls';
type Mode = 'push' | 'pull';

const NAMES: Record<ServerKind, string> = { ours: 'osai-language-server', yls: 'yaml-language-server' };

interface Publication { seq: number; uri: string; version?: number; diagnostics: Array<{ message: string }>; at: number }

/** Every server spawned and not yet stopped: killed at the end, also on failure. */
const live = new Set<ChildProcess>();
function killAll(): void {
  for (const child of live) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  live.clear();
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`protocol bench: timed out after ${ms} ms waiting for ${what}`)), ms); });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** yaml-language-server's settings, as VS Code's YAML extension serves them (no network: no schema store, no CRD store). */
const YLS_SETTINGS: Record<string, unknown> = {
  yaml: {
    validate: true, hover: true, completion: true, format: { enable: false },
    schemaStore: { enable: false }, kubernetesCRDStore: { enable: false },
    schemas: { [SCHEMA_URI]: '*.osai.yaml' }, customTags: [], maxItemsComputed: 5000,
  },
  http: { proxy: '', proxyStrictSSL: false },
  '[yaml]': {},
  editor: { tabSize: 2, detectIndentation: true },
  osaiManifest: {},
};

/** One LSP client over stdio; the same code drives both servers. */
class Client {
  readonly publications: Publication[] = [];
  private waiters: Array<{ from: number; test: (p: Publication) => boolean; resolve: (p: Publication) => void; reject: (e: Error) => void }> = [];
  private stderr = '';
  private exit?: string;

  private constructor(readonly kind: ServerKind, readonly mode: Mode, readonly child: ChildProcess, readonly rpc: MessageConnection) {
    child.stderr!.on('data', (b: Buffer) => { this.stderr = (this.stderr + b.toString()).slice(-4000); });
    child.on('exit', (code, signal) => {
      live.delete(child);
      this.exit = `${NAMES[kind]} exited (code ${code}, signal ${signal})${this.stderr ? `; stderr: ${this.stderr.trim()}` : ''}`;
      for (const w of this.waiters.splice(0)) w.reject(new Error(`protocol bench: ${this.exit}`));
    });
    rpc.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: Array<{ message: string }> }) => {
      const publication: Publication = { seq: this.publications.length, uri: p.uri, version: p.version ?? undefined, diagnostics: p.diagnostics, at: performance.now() };
      this.publications.push(publication);
      this.waiters = this.waiters.filter((w) => {
        if (publication.seq < w.from || !w.test(publication)) return true;
        w.resolve(publication);
        return false;
      });
    });
    rpc.onNotification(() => undefined); // logs, telemetry, progress
    rpc.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) => p.items.map((item) => (item.section === undefined ? null : YLS_SETTINGS[item.section] ?? null)));
    rpc.onRequest(() => null); // client/registerCapability, window/workDoneProgress/create, refreshes…
    rpc.onError(() => undefined);
    rpc.listen();
  }

  /** Spawns the server and initializes it (push: no `textDocument.diagnostic` capability; pull: with it). */
  static async start(kind: ServerKind, mode: Mode, env: NodeJS.ProcessEnv = {}, execArgv: string[] = []): Promise<Client> {
    const child = spawn(process.execPath, [...execArgv, kind === 'ours' ? OURS_SERVER : YLS_SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    live.add(child);
    child.stdin!.on('error', () => undefined); // a server that died: reported by the exit handler
    const client = new Client(kind, mode, child, createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!)));
    await client.request('initialize', {
      processId: process.pid, rootUri: null, workspaceFolders: null, locale: 'en',
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: {
          synchronization: { dynamicRegistration: false, didSave: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
          completion: { completionItem: { snippetSupport: true } },
          ...(mode === 'pull' ? { diagnostic: { dynamicRegistration: false } } : {}),
        },
      },
    }, 'the initialize response');
    await client.notify('initialized', {});
    // As VS Code's clients do at start; yaml-language-server then pulls `workspace/configuration`.
    await client.notify('workspace/didChangeConfiguration', { settings: kind === 'yls' ? { yaml: YLS_SETTINGS.yaml } : { osaiManifest: {} } });
    return client;
  }

  get name(): string { return `${NAMES[this.kind]} (${this.mode})`; }

  notify(method: string, params: unknown): Promise<void> {
    if (this.exit) return Promise.reject(new Error(`protocol bench: ${this.exit}`));
    return this.rpc.sendNotification(method, params);
  }

  request<T>(method: string, params: unknown, what: string, ms = TIMEOUT_MS): Promise<T> {
    if (this.exit) return Promise.reject(new Error(`protocol bench: ${this.exit}`));
    return withTimeout(this.rpc.sendRequest<T>(method, params), ms, `${what} from ${this.name}`);
  }

  /** The first publication numbered `from` or later that passes `test`. */
  waitFor(test: (p: Publication) => boolean, what: string, from = 0, ms = TIMEOUT_MS): Promise<Publication> {
    const hit = this.publications.slice(from).find(test);
    if (hit) return Promise.resolve(hit);
    if (this.exit) return Promise.reject(new Error(`protocol bench: ${this.exit}`));
    const promise = new Promise<Publication>((resolve, reject) => this.waiters.push({ from, test, resolve, reject }));
    return withTimeout(promise, ms, `${what} from ${this.name}`);
  }

  open(uri: string, text: string, version = 1): Promise<void> {
    return this.notify('textDocument/didOpen', { textDocument: { uri, languageId: this.kind === 'ours' ? languageIdOf(uri) : 'yaml', version, text } });
  }

  change(uri: string, version: number, text: string): Promise<void> {
    return this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /** Resident memory of the server process, MB (VmRSS). */
  rssMb(): number {
    const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    if (!kb) throw new Error(`protocol bench: no VmRSS in /proc/${this.child.pid}/status`);
    return Number(kb) / 1024;
  }

  /**
   * The server's heap after a full garbage collection, MB: only for a server started with the
   * bench's heap probe (`HEAP_PROBE`), which answers SIGUSR2 by collecting and writing it to `file`.
   */
  async heapAfterGcMb(file: string): Promise<number> {
    const before = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { n: number }).n : 0;
    this.child.kill('SIGUSR2');
    const deadline = performance.now() + 10_000;
    while (performance.now() < deadline) {
      await sleep(20);
      if (!existsSync(file)) continue;
      const probe = JSON.parse(readFileSync(file, 'utf8')) as { n: number; heapUsed: number };
      if (probe.n > before) return probe.heapUsed / 2 ** 20;
    }
    throw new Error(`protocol bench: the heap probe of ${this.name} did not answer within 10 s`);
  }

  async stop(): Promise<void> {
    if (!this.exit) {
      const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      try {
        await this.request('shutdown', null, 'the shutdown response', 3_000);
        await this.notify('exit', null);
        await withTimeout(exited, 3_000, `${this.name} to exit`);
      } catch {
        this.child.kill('SIGKILL');
      }
    }
    live.delete(this.child);
    this.rpc.dispose();
  }
}

/** yaml-language-server's wait after a change before it validates (push), read from its source for the method paragraph. */
const YLS_DELAY = (() => {
  try {
    return /validationDelayMs\s*=\s*(\d+)/.exec(readFileSync(join(ROOT, 'node_modules', 'yaml-language-server', 'out', 'server', 'src', 'yamlSettings.js'), 'utf8'))?.[1] ?? '?';
  } catch {
    return '?';
  }
})();

const languageIdOf = (uri: string) => (/osai\.ya?ml$/.test(uri) ? 'osai-manifest' : 'yaml');

// ---------------------------------------------------------------------------------------
// Statistics and formatting

/** Nearest-rank percentile. */
function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}
const p50 = (v: readonly number[]) => percentile(v, 50);
const p95 = (v: readonly number[]) => percentile(v, 95);
const f = (ms: number | undefined) => (ms === undefined ? '–' : ms < 10 ? ms.toFixed(2) : ms.toFixed(1));
const mark = (ok: boolean) => (ok ? '✓' : '✗ not met');
const n = (x: number) => x.toLocaleString('en-US');
const log = (line: string) => process.stderr.write(`  protocol: ${line}\n`);

// ---------------------------------------------------------------------------------------
// The document and its keystrokes

const ANCHOR = 'every 1000 steps';

/**
 * Where a keystroke is typed: `small`, a comment in `parameters` (a short top-level entry);
 * `large`, the comment of the middle supporting library, inside `code` (the largest entry, about
 * half the file): the server reparses the top-level entry that changed, so this is its worst case.
 */
type Place = 'small' | 'large';
const LARGE_ANCHOR = /# pinned/g;

/** The manifest with keystroke `k` typed into a comment: the text changes, the diagnostics do not. */
function keystroke(base: string, k: number, place: Place = 'small'): string {
  if (place === 'small') return base.replace(ANCHOR, `${ANCHOR} k${k}`);
  const at = [...base.matchAll(LARGE_ANCHOR)];
  if (at.length === 0) return base.replace(ANCHOR, `${ANCHOR} k${k}`);
  const middle = at[Math.floor(at.length / 2)].index!;
  return `${base.slice(0, middle)}# pinned k${k}${base.slice(middle + '# pinned'.length)}`;
}

function manifest(lines: number): string {
  const text = generateManifest(lines);
  if (!text.includes(ANCHOR)) throw new Error(`protocol bench: the generated manifest has no "${ANCHOR}" comment to type into`);
  return text;
}

interface KeystrokeRun { samples: number[]; diagnostics: number; changedDiagnostics: number; extraPublications: number }

/**
 * Opens a manifest, waits for its first diagnostics, then types: a full-text `didChange`
 * every INTERVAL_MS (after the previous answer), timed from just before the send to the
 * publication of that version (push; yaml-language-server: the first publication after the
 * send) or to the `textDocument/diagnostic` response (pull). `probe` replaces the pull by a
 * request the server does not know (answered at once): the transport floor.
 */
async function keystrokes(client: Client, lines: number, probe = false, place: Place = 'small'): Promise<KeystrokeRun> {
  const base = manifest(lines);
  const uri = `file:///bench/protocol/${lines}-lines${probe ? '-probe' : ''}-${place}.osai.yaml`;
  const from = client.publications.length;
  await client.open(uri, base);
  let diagnostics: number;
  if (client.mode === 'pull') {
    diagnostics = (await client.request<{ items: unknown[] }>('textDocument/diagnostic', { textDocument: { uri } }, `the first diagnostic report for ${uri}`)).items.length;
  } else {
    diagnostics = (await client.waitFor((p) => p.uri === uri, `the first publication for ${uri}`, from)).diagnostics.length;
  }
  await sleep(300); // past both servers' debounce: nothing of the open is still pending
  const samples: number[] = [];
  let changedDiagnostics = 0;
  const measuredFrom = client.publications.length;
  let version = 1;
  for (let i = 0; i < WARMUP + MEASURED; i++) {
    version++;
    const text = keystroke(base, version, place);
    const seq = client.publications.length;
    const start = performance.now();
    void client.change(uri, version, text).catch(() => undefined);
    let ms: number;
    let count: number;
    if (probe) {
      await client.request('bench/noop', {}, 'the answer to an unknown request').catch((e: unknown) => {
        if (e instanceof Error && e.message.includes('timed out')) throw e; // MethodNotFound is the expected answer
      });
      ms = performance.now() - start;
      count = diagnostics;
    } else if (client.mode === 'pull') {
      const report = await client.request<{ items: unknown[] }>('textDocument/diagnostic', { textDocument: { uri } }, `the diagnostic report for ${uri} version ${version}`);
      ms = performance.now() - start;
      count = report.items.length;
    } else {
      const versioned = client.kind === 'ours';
      const p = await client.waitFor((x) => x.uri === uri && (!versioned || x.version === version), `the publication for ${uri}${versioned ? ` version ${version}` : ' after a change'}`, seq);
      ms = p.at - start;
      count = p.diagnostics.length;
    }
    if (i >= WARMUP) samples.push(ms);
    if (count !== diagnostics) changedDiagnostics++;
    await sleep(Math.max(0, start + INTERVAL_MS - performance.now()));
  }
  await sleep(300);
  const extraPublications = client.mode === 'push' && !probe ? client.publications.slice(measuredFrom).filter((p) => p.uri === uri).length - (WARMUP + MEASURED) : 0;
  const closedAt = client.publications.length;
  await client.notify('textDocument/didClose', { textDocument: { uri } });
  if (client.mode === 'push') await client.waitFor((p) => p.uri === uri, `the clearing publication after closing ${uri}`, closedAt).catch(() => undefined);
  return { samples, diagnostics, changedDiagnostics, extraPublications };
}

/** The service alone, in this process: parse + validate of each keystroke's text (the compute in a round trip). */
function inProcess(lines: number): number {
  const service = getLanguageService();
  const base = manifest(lines);
  const samples: number[] = [];
  for (let k = 2; k < 2 + WARMUP + MEASURED; k++) {
    const document = TextDocument.create('file:///bench/protocol/in-process.osai.yaml', 'osai-manifest', k, keystroke(base, k));
    const start = performance.now();
    service.doValidation(service.parse(document));
    if (k >= 2 + WARMUP) samples.push(performance.now() - start);
  }
  return p50(samples);
}

/** yaml-language-server must report a schema error, or the comparison is with a YAML parser, not a schema check. */
async function checkYlsSchema(client: Client): Promise<string> {
  const uri = 'file:///bench/protocol/schema-check.osai.yaml';
  const from = client.publications.length;
  await client.open(uri, `${manifest(100)}\nfoo: 1\n`);
  let p: Publication;
  try {
    p = await client.waitFor((x) => x.uri === uri && x.diagnostics.some((d) => /\bfoo\b/.test(d.message)), `a diagnostic naming the unknown top-level key "foo" in ${uri}`, from, 20_000);
  } catch (error) {
    const seen = client.publications.slice(from).filter((x) => x.uri === uri).map((x) => x.diagnostics.map((d) => d.message).join(' | ') || '(none)');
    throw new Error(`protocol bench: yaml-language-server does not apply schemas/osai-manifest.schema.json to *.osai.yaml (publications seen: ${seen.join(' ; ') || 'none'}): ${error instanceof Error ? error.message : String(error)}`);
  }
  await client.notify('textDocument/didClose', { textDocument: { uri } });
  return p.diagnostics.find((d) => /\bfoo\b/.test(d.message))!.message;
}

interface Row { lines: number; push: number[]; pull: number[]; pushLarge: number[]; pullLarge: number[]; probe: number[]; inProcess: number; yls?: number[] }

async function keystrokeRows(): Promise<{ rows: Row[]; notes: string[]; ylsMessage: string }> {
  const notes: string[] = [];
  const rows: Row[] = KEYSTROKE_SIZES.map((lines) => ({ lines, push: [], pull: [], pushLarge: [], pullLarge: [], probe: [], inProcess: inProcess(lines) }));
  const note = (who: string, lines: number, run: KeystrokeRun) => {
    if (run.changedDiagnostics) notes.push(`${who}, ${n(lines)} lines: ${run.changedDiagnostics} of ${WARMUP + MEASURED} keystrokes changed the number of diagnostics (${run.diagnostics} at open)`);
    if (run.extraPublications > 0) notes.push(`${who}, ${n(lines)} lines: ${run.extraPublications} publications more than keystrokes`);
    return run.samples;
  };
  for (const mode of ['push', 'pull'] as const) {
    const client = await Client.start('ours', mode);
    try {
      for (const row of rows) {
        row[mode] = note(`ours ${mode}`, row.lines, await keystrokes(client, row.lines));
        log(`ours ${mode}, ${n(row.lines)} lines: p50 ${f(p50(row[mode]))} ms, p95 ${f(p95(row[mode]))} ms`);
        const large = mode === 'push' ? 'pushLarge' : 'pullLarge';
        row[large] = note(`ours ${mode}, in the largest section`, row.lines, await keystrokes(client, row.lines, false, 'large'));
        log(`ours ${mode}, ${n(row.lines)} lines, in the largest section: p50 ${f(p50(row[large]))} ms, p95 ${f(p95(row[large]))} ms`);
        if (mode === 'pull') {
          row.probe = (await keystrokes(client, row.lines, true)).samples;
          log(`ours didChange + no-op request, ${n(row.lines)} lines: p50 ${f(p50(row.probe))} ms`);
        }
      }
    } finally {
      await client.stop();
    }
  }
  const yls = await Client.start('yls', 'push');
  let ylsMessage: string;
  try {
    ylsMessage = await checkYlsSchema(yls);
    log(`yaml-language-server applies the schema: "${ylsMessage}"`);
    for (const row of rows.filter((r) => YLS_SIZES.includes(r.lines))) {
      row.yls = note('yaml-language-server push', row.lines, await keystrokes(yls, row.lines));
      log(`yaml-language-server push, ${n(row.lines)} lines: p50 ${f(p50(row.yls))} ms, p95 ${f(p95(row.yls))} ms`);
    }
  } finally {
    await yls.stop();
  }
  return { rows, notes, ylsMessage };
}

// ---------------------------------------------------------------------------------------
// Start: spawn → first diagnostics, and the command line

/** Spawn → first publication, and spawn → the initialize response (the part before any document). */
async function spawnToDiagnostics(kind: ServerKind, text: string, env: NodeJS.ProcessEnv = {}): Promise<{ total: number; initialized: number }> {
  const uri = 'file:///bench/protocol/start.osai.yaml';
  const start = performance.now();
  const client = await Client.start(kind, 'push', env);
  const initialized = performance.now() - start;
  try {
    await client.open(uri, text);
    const p = await client.waitFor((x) => x.uri === uri, `the first publication for ${uri}`);
    return { total: p.at - start, initialized };
  } finally {
    await client.stop();
  }
}

/** Ours with its code cache (every start after the first), ours without it (the first start after an install or update), yaml-language-server. */
type Starts = Record<ServerKind | 'oursCold', { total: number[]; initialized: number[] }>;
/** Turns our code cache off (server/src/launch/compileCache.ts). */
const NO_CODE_CACHE = { OSAI_COMPILE_CACHE: '0' };

async function spawns(): Promise<Starts> {
  const text = manifest(100);
  const samples: Starts = { ours: { total: [], initialized: [] }, oursCold: { total: [], initialized: [] }, yls: { total: [], initialized: [] } };
  await spawnToDiagnostics('ours', text); // warm-up: the files in the page cache, and our code cache written at its exit
  await spawnToDiagnostics('yls', text);
  for (let i = 0; i < SPAWNS; i++) {
    for (const series of ['ours', 'oursCold', 'yls'] as const) {
      const { total, initialized } = await spawnToDiagnostics(series === 'yls' ? 'yls' : 'ours', text, series === 'oursCold' ? NO_CODE_CACHE : {});
      samples[series].total.push(total);
      samples[series].initialized.push(initialized);
    }
  }
  return samples;
}

function commandLine(): { cli: number; cold: number; node: number; status: number } {
  const dir = mkdtempSync(join(tmpdir(), 'osai-bench-'));
  try {
    const file = join(dir, 'bench.osai.yaml');
    writeFileSync(file, manifest(100));
    const run = (args: string[], env: NodeJS.ProcessEnv = {}) => {
      const start = performance.now();
      const result = spawnSync(process.execPath, args, { encoding: 'utf8', timeout: TIMEOUT_MS, env: { ...process.env, ...env } });
      const ms = performance.now() - start;
      if (result.error) throw new Error(`protocol bench: node ${args.join(' ')} failed: ${result.error.message}`);
      return { ms, status: result.status ?? -1, stderr: result.stderr };
    };
    const first = run([OURS_CLI, file]);
    if (first.status !== 0 && first.status !== 1) throw new Error(`protocol bench: osai-check exited ${first.status} on the 100-line manifest: ${first.stderr}`);
    // It must have checked the file, not only loaded: its summary line says so.
    if (!/^1 file checked: /m.test(first.stderr)) throw new Error(`protocol bench: osai-check did not report checking the manifest: ${JSON.stringify(first.stderr)}`);
    run(['-e', '0']);
    const cli: number[] = [];
    const cold: number[] = [];
    const node: number[] = [];
    for (let i = 0; i < CLI_RUNS; i++) {
      cli.push(run([OURS_CLI, file]).ms);
      cold.push(run([OURS_CLI, file], NO_CODE_CACHE).ms);
      node.push(run(['-e', '0']).ms);
    }
    return { cli: p50(cli), cold: p50(cold), node: p50(node), status: first.status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------
// Memory, and coalescing

function mofFiles(): Array<{ name: string; text: string }> {
  const dirs = [join(ROOT, 'test', 'fixtures', 'mof-corpus'), join(ROOT, 'test', 'fixtures', 'mof')];
  const files = dirs.flatMap((dir) => readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).sort().map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') })));
  if (!files.length) throw new Error('protocol bench: no MOF files in test/fixtures/mof-corpus or test/fixtures/mof');
  return files;
}

/** Bench-only preload that lets the bench ask the server for its heap after a full GC (scripts/bench/heapProbe.cjs). */
const HEAP_PROBE = join(ROOT, 'scripts', 'bench', 'heapProbe.cjs');

interface Memory { started: number; mof: number; mofFiles: number; distinct: number; opened: number; openedHeap: number; edits: Array<{ edits: number; rss?: number; heap?: number; seconds?: number }> }

async function memory(client: Client, heapFile: string): Promise<Memory> {
  await sleep(300);
  const started = client.rssMb();
  const files = mofFiles();
  const from = client.publications.length;
  const waiting = new Set<string>();
  for (let i = 0; i < MOF_FILES; i++) {
    const file = files[i % files.length];
    const uri = `file:///bench/protocol/mof/${i}/${file.name}`;
    waiting.add(uri);
    void client.open(uri, file.text).catch(() => undefined);
  }
  let seen = from;
  await withTimeout((async () => {
    while (waiting.size) {
      const p = await client.waitFor((x) => waiting.has(x.uri), `publications for ${waiting.size} of the ${MOF_FILES} MOF files`, seen, 60_000);
      waiting.delete(p.uri);
      seen = p.seq + 1;
    }
  })(), 90_000, `the publications of all ${MOF_FILES} MOF files`);
  await sleep(300);
  const mof = client.rssMb();
  log(`RSS after opening ${MOF_FILES} MOF files: ${mof.toFixed(0)} MB`);

  const uri = 'file:///bench/protocol/memory.osai.yaml';
  const base = manifest(1_000);
  const openFrom = client.publications.length;
  await client.open(uri, base);
  await client.waitFor((x) => x.uri === uri, `the first publication for ${uri}`, openFrom);
  const opened = client.rssMb();
  const openedHeap = await client.heapAfterGcMb(heapFile);
  log(`heap after GC with the manifest open: ${openedHeap.toFixed(1)} MB`);
  const edits: Memory['edits'] = EDIT_CHECKPOINTS.map((e) => ({ edits: e }));
  const start = performance.now();
  const last = EDIT_CHECKPOINTS[EDIT_CHECKPOINTS.length - 1];
  for (let edit = 1; edit <= last; edit++) {
    const version = edit + 1;
    const seq = client.publications.length;
    await client.change(uri, version, keystroke(base, version));
    if (edit % EDIT_BATCH !== 0) continue;
    await client.waitFor((x) => x.uri === uri && x.version === version, `the publication for ${uri} version ${version} (edit ${n(edit)})`, seq);
    const checkpoint = edits.find((c) => c.edits === edit);
    if (checkpoint) {
      checkpoint.rss = client.rssMb();
      checkpoint.seconds = (performance.now() - start) / 1000;
      checkpoint.heap = await client.heapAfterGcMb(heapFile);
      log(`after ${n(edit)} edits: RSS ${checkpoint.rss.toFixed(0)} MB, heap after GC ${checkpoint.heap.toFixed(1)} MB (${checkpoint.seconds.toFixed(0)} s)`);
    }
    if (performance.now() - start > EDITS_DEADLINE_MS) { log(`edits stopped at ${n(edit)}: over ${EDITS_DEADLINE_MS / 1000} s`); break; }
  }
  await client.notify('textDocument/didClose', { textDocument: { uri } });
  return { started, mof, mofFiles: files.length, distinct: Math.min(files.length, MOF_FILES), opened, openedHeap, edits };
}

interface Coalescing { sent: number; received: number; finalVersion: number; lastVersion?: number; monotonic: boolean; versions: Array<number | undefined>; ok: boolean }

async function coalescing(client: Client): Promise<Coalescing> {
  const uri = 'file:///bench/protocol/burst.osai.yaml';
  const base = manifest(1_000);
  const openFrom = client.publications.length;
  await client.open(uri, base);
  await client.waitFor((x) => x.uri === uri, `the first publication for ${uri}`, openFrom);
  await sleep(300);
  const from = client.publications.length;
  let version = 1;
  for (let i = 0; i < BURST; i++) { version++; void client.change(uri, version, keystroke(base, version)).catch(() => undefined); }
  const lastSent = performance.now();
  await sleep(2_000);
  const got = client.publications.slice(from).filter((p) => p.uri === uri && p.at <= lastSent + 2_000);
  const versions = got.map((p) => p.version);
  const monotonic = versions.every((v, i) => i === 0 || (v ?? -1) >= (versions[i - 1] ?? -1));
  const lastVersion = versions[versions.length - 1];
  await client.notify('textDocument/didClose', { textDocument: { uri } });
  const ok = got.length >= 1 && lastVersion === version && monotonic && got.length <= BURST;
  return { sent: BURST, received: got.length, finalVersion: version, lastVersion, monotonic, versions, ok };
}

// ---------------------------------------------------------------------------------------
// The section

/** Runs every protocol measurement (about three minutes on 2 cores) and returns the Markdown section. */
export async function protocolSection(measured: string): Promise<string> {
  const cleanup = () => killAll();
  process.once('exit', cleanup);
  // A code cache of our own for this run, so that no earlier run's cache counts (every spawn inherits it).
  const codeCache = mkdtempSync(join(tmpdir(), 'osai-bench-cache-'));
  process.env.OSAI_CACHE_DIR = codeCache;
  try {
    const started = performance.now();
    const { rows, notes, ylsMessage } = await keystrokeRows();
    const starts = await spawns();
    log(`spawn → first diagnostics: ours ${f(p50(starts.ours.total))} ms, yaml-language-server ${f(p50(starts.yls.total))} ms`);
    const cli = commandLine();
    log(`command line: osai-check ${f(cli.cli)} ms, node -e 0 ${f(cli.node)} ms`);
    const heapFile = join(codeCache, 'heap.json');
    const client = await Client.start('ours', 'push', { OSAI_BENCH_HEAP_FILE: heapFile }, ['--expose-gc', '--require', HEAP_PROBE]);
    let mem: Memory;
    let burst: Coalescing;
    try {
      mem = await memory(client, heapFile);
      burst = await coalescing(client);
    } finally {
      await client.stop();
    }
    log(`coalescing: ${burst.received} publications for ${burst.sent} changes, versions ${burst.versions.join(', ')}`);
    log(`done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    return render(measured, rows, notes, ylsMessage, starts, cli, mem, burst);
  } finally {
    killAll();
    process.removeListener('exit', cleanup);
    rmSync(codeCache, { recursive: true, force: true });
  }
}

function render(measured: string, rows: Row[], notes: string[], ylsMessage: string, starts: Starts, cli: { cli: number; cold: number; node: number; status: number }, mem: Memory, burst: Coalescing): string {
  const out: string[] = [];
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  out.push('## Over the protocol: what users feel', '');
  out.push(`${measured} (this section alone: \`npm run bench -- --protocol\`).`, '');
  out.push(`Machine: ${machine}`, '');

  out.push('### Keystroke → diagnostics', '');
  out.push('| manifest lines | ours, push p50 / p95 ms | ours, pull p50 / p95 ms | ours, typed in the largest section: push / pull p50 ms (p95) | of which transport: `didChange` + no-op request p50 ms | in-process: a fresh parse + validate p50 ms (no reuse) | yaml-language-server, push p50 / p95 ms | YLS ÷ ours (push p50; largest section) |');
  out.push('|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    const ratio = r.yls ? `${(p50(r.yls) / p50(r.push)).toFixed(2)}× (${(p50(r.yls) / p50(r.pushLarge)).toFixed(2)}×)` : '–';
    out.push(`| ${n(r.lines)} | ${f(p50(r.push))} / ${f(p95(r.push))} | ${f(p50(r.pull))} / ${f(p95(r.pull))} | ${f(p50(r.pushLarge))} (${f(p95(r.pushLarge))}) / ${f(p50(r.pullLarge))} (${f(p95(r.pullLarge))}) | ${f(p50(r.probe))} | ${f(r.inProcess)} | ${r.yls ? `${f(p50(r.yls))} / ${f(p95(r.yls))}` : '–'} | ${ratio} |`);
  }
  out.push('');
  const at = (lines: number) => rows.find((r) => r.lines === lines)!;
  const goal = (lines: number, budget: number) => {
    const r = at(lines);
    return `- ours p50 ≤ ${budget} ms at ${n(lines)} lines: push ${f(p50(r.push))} ms ${mark(p50(r.push) <= budget)}; pull ${f(p50(r.pull))} ms ${mark(p50(r.pull) <= budget)}; typed in the largest section, push ${f(p50(r.pushLarge))} ms ${mark(p50(r.pushLarge) <= budget)}, pull ${f(p50(r.pullLarge))} ms ${mark(p50(r.pullLarge) <= budget)}`;
  };
  out.push('Goals:', '');
  out.push(goal(100, 25));
  out.push(goal(1_000, 60));
  for (const mode of ['push', 'pull', 'pushLarge', 'pullLarge'] as const) {
    const worst = rows.map((r) => ({ lines: r.lines, ratio: p95(r[mode]) / p50(r[mode]) })).sort((a, b) => b.ratio - a.ratio)[0];
    const label = { push: 'push', pull: 'pull', pushLarge: 'push, typed in the largest section', pullLarge: 'pull, typed in the largest section' }[mode];
    out.push(`- ours ${label}, p95 ≤ 2× p50 at every size: worst ${worst.ratio.toFixed(2)}× (${n(worst.lines)} lines) ${mark(worst.ratio <= 2)}`);
  }
  const compared = rows.filter((r) => r.yls);
  for (const mode of ['push', 'pushLarge'] as const) {
    const slowest = compared.map((r) => ({ lines: r.lines, ratio: p50(r.yls!) / p50(r[mode]) })).sort((a, b) => a.ratio - b.ratio)[0];
    out.push(`- ≥ 3× faster than yaml-language-server at every size (push p50${mode === 'pushLarge' ? ', typed in the largest section' : ''}): smallest ratio ${slowest.ratio.toFixed(2)}× (${n(slowest.lines)} lines) ${mark(slowest.ratio >= 3)}`);
  }
  out.push('');

  out.push('### Start', '');
  const ours = p50(starts.ours.total);
  out.push(`Spawn → first diagnostics, 100-line manifest (spawn, \`initialize\`, \`initialized\`, \`didOpen\`, until the first publication), median of ${SPAWNS}: ours **${f(ours)} ms** (goal ≤ 200 ms) ${mark(ours <= 200)}, of which ${f(p50(starts.ours.initialized))} ms until the \`initialize\` response; the first start after an install or an update, before our code cache exists, ${f(p50(starts.oursCold.total))} ms; yaml-language-server ${f(p50(starts.yls.total))} ms, of which ${f(p50(starts.yls.initialized))} ms until the \`initialize\` response.`, '');
  const ratio = cli.cli / cli.node;
  out.push(`Command line: \`node bin/osai-check.js <100-line manifest>\` **${f(cli.cli)} ms** (exit ${cli.status}) against \`node -e 0\` ${f(cli.node)} ms, medians of ${CLI_RUNS} interleaved runs: **${ratio.toFixed(2)}×** (goal ≤ 2×) ${mark(ratio <= 2)}; without the code cache (the first run after an install or an update) ${f(cli.cold)} ms, ${(cli.cold / cli.node).toFixed(2)}×.`, '');

  out.push('### Memory (ours, push mode)', '');
  out.push('| state | server RSS MB | server heap after a full GC MB |');
  out.push('|---|---:|---:|');
  out.push(`| initialized, nothing open | ${mem.started.toFixed(0)} | |`);
  out.push(`| ${MOF_FILES} MOF files open (${mem.distinct} distinct files from test/fixtures/mof-corpus and test/fixtures/mof, repeated under distinct URIs to ${MOF_FILES}), all published | ${mem.mof.toFixed(0)} | |`);
  out.push(`| and a 1,000-line manifest open | ${mem.opened.toFixed(0)} | ${mem.openedHeap.toFixed(1)} |`);
  for (const e of mem.edits) out.push(`| after ${n(e.edits)} edits of the manifest | ${e.rss === undefined ? `– (not reached within ${EDITS_DEADLINE_MS / 1000} s)` : `${e.rss.toFixed(0)} (${e.seconds!.toFixed(0)} s in)`} | ${e.heap === undefined ? '–' : e.heap.toFixed(1)} |`);
  out.push('');
  const heaps = mem.edits.filter((e) => e.heap !== undefined).map((e) => e.heap!);
  if (heaps.length >= 2) {
    // Flat: what survives a full GC after 10,000 edits is what survived after 1,000 (within 1 MB, V8's own bookkeeping).
    const growth = heaps[heaps.length - 1] - heaps[0];
    out.push(`No growth across edits (heap after a full GC, ${n(mem.edits[0].edits)} → ${n(mem.edits[heaps.length - 1].edits)} edits, within 1 MB): ${growth >= 0 ? '+' : ''}${growth.toFixed(2)} MB ${mark(Math.abs(growth) <= 1)}. Resident memory moves with when the collector last ran and what V8 keeps reserved; the heap after a full collection is what the server retains.`, '');
  }

  out.push(`Coalescing: ${burst.sent} \`didChange\`s sent in a burst (1,000-line manifest) → ${burst.received} publication${burst.received === 1 ? '' : 's'} within 2 s of the last (versions ${burst.versions.join(', ') || 'none'}); the last is for version ${burst.lastVersion ?? '–'} of ${burst.finalVersion}, ${burst.monotonic ? 'none older than one already published' : 'one older than one already published'} ${mark(burst.ok)}`, '');

  if (notes.length) out.push(`Notes: ${notes.join('; ')}.`, '');

  out.push(`Method. One client of our own (vscode-jsonrpc over the servers' stdio) drives both servers with the same capabilities; push mode leaves \`textDocument.diagnostic\` out of them, pull mode declares it. ` +
    `A keystroke is a full-text \`didChange\` (no range, version + 1) that types a counter into a comment of the generated manifest (\`generateManifest\` in scripts/bench.ts) — in \`parameters\`, a short top-level entry, or (the \"largest section\" column) in the middle of \`code\`, the largest, about half the file — so the text changes and the diagnostics do not; ` +
    `one is sent every ${INTERVAL_MS} ms, or as soon as the previous one was answered if that took longer, after the document's first diagnostics; ${WARMUP} warm-up keystrokes, then ${MEASURED} measured, per size; p50 and p95 are nearest-rank over those ${MEASURED}. ` +
    `Timed from just before the send to: the \`textDocument/publishDiagnostics\` carrying that version (ours, push); the response to a \`textDocument/diagnostic\` request sent right after the change (ours, pull); the first publication for the document after the send (yaml-language-server, whose publications carry no version). ` +
    `The transport column sends the same change followed by a request no server knows (answered at once with MethodNotFound): what the pull costs besides the check; the in-process column is \`parse\` + \`doValidation\` of the same texts in this process, each parsed afresh (the server hands each parse the previous version's, and reparses only the top-level entries whose text changed: hence the two keystroke places). ` +
    `In push mode a server waits after a change before it validates, for more changes: yaml-language-server ${YLS_DELAY} ms (its \`validationDelayMs\`, read from its source); ours a quarter of what the document's last validation cost (at least 4 ms; 150 ms while keystrokes come faster than it validates); a pull is answered at once. ` +
    `One server process per mode serves every size, smallest first, so the first sizes also measure code the JIT has not optimized yet (as a freshly started server meets the first keystrokes). ` +
    `yaml-language-server gets its settings as from VS Code's YAML extension (answering its \`workspace/configuration\` requests: \`yaml.validate\`, \`yaml.schemas\` mapping schemas/osai-manifest.schema.json to \`*.osai.yaml\`, schema store off) and opens the documents as \`yaml\`; it was checked to apply the schema (an unknown top-level key \`foo\` gave "${ylsMessage}"). ` +
    `Spawn → first diagnostics: medians of ${SPAWNS}, the servers alternating, after one warm-up spawn each (ours writes its code cache at the end of that one; the run uses a cache folder of its own, so no earlier run's cache counts). Memory is the server's VmRSS from /proc and, for the edits, its V8 heap after a full collection (the server is started with \`--expose-gc\` and a bench-only preload, scripts/bench/heapProbe.cjs, that collects and reports on SIGUSR2); the edits are the same keystrokes sent as fast as the server reads them, the publication of every ${EDIT_BATCH}th version awaited.`);
  return out.join('\n');
}
