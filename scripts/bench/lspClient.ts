/**
 * The protocol section's LSP client: one small client of our own over stdio that drives both
 * our server (`server/out/server.js`) and yaml-language-server with our JSON Schema. Every
 * wait has a timeout naming what it awaited; every spawned server is killed at the end
 * (`killAll`).
 */
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  createMessageConnection,
  MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node';

const ROOT = join(__dirname, '..', '..');
const OURS_SERVER = join(ROOT, 'server', 'out', 'server.js');
const YLS_SERVER = join(ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
const SCHEMA_URI = pathToFileURL(join(ROOT, 'schemas', 'osai-manifest.schema.json')).href;

export const TIMEOUT_MS = 15_000;

export type ServerKind = 'ours' | 'yls';
export type Mode = 'push' | 'pull';

const NAMES: Record<ServerKind, string> = { ours: 'osai-language-server', yls: 'yaml-language-server' };

export interface Publication {
  seq: number;
  uri: string;
  version?: number;
  diagnostics: Array<{ message: string; code?: string | number }>;
  at: number;
}

/** What a section gives our server: its `initializationOptions`, and the `osaiManifest` settings the client answers. */
export interface OursOptions {
  initializationOptions?: unknown;
  settings?: unknown;
}

/** Every server spawned and not yet stopped: killed at the end, also on failure. */
const live = new Set<ChildProcess>();
export function killAll(): void {
  for (const child of live) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  live.clear();
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`protocol bench: timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * yaml-language-server's settings, as VS Code's YAML extension serves them (no network: no schema store, no CRD store).
 */
const YLS_SETTINGS: Record<string, unknown> = {
  yaml: {
    validate: true,
    hover: true,
    completion: true,
    format: { enable: false },
    schemaStore: { enable: false },
    kubernetesCRDStore: { enable: false },
    schemas: { [SCHEMA_URI]: '*.osai.yaml' },
    customTags: [],
    maxItemsComputed: 5000,
  },
  http: { proxy: '', proxyStrictSSL: false },
  '[yaml]': {},
  editor: { tabSize: 2, detectIndentation: true },
  osaiManifest: {},
};

/** One LSP client over stdio; the same code drives both servers. */
export class Client {
  readonly publications: Publication[] = [];
  private waiters: Array<{
    from: number;
    test: (p: Publication) => boolean;
    resolve: (p: Publication) => void;
    reject: (e: Error) => void;
  }> = [];
  private stderr = '';
  private exit?: string;

  private constructor(
    readonly kind: ServerKind,
    readonly mode: Mode,
    readonly child: ChildProcess,
    readonly rpc: MessageConnection,
    settings: Record<string, unknown>,
  ) {
    child.stderr!.on('data', (b: Buffer) => {
      this.stderr = (this.stderr + b.toString()).slice(-4000);
    });
    child.on('exit', (code, signal) => {
      live.delete(child);
      this.exit =
        `${NAMES[kind]} exited (code ${code}, signal ${signal})` +
        `${this.stderr ? `; stderr: ${this.stderr.trim()}` : ''}`;
      for (const w of this.waiters.splice(0)) w.reject(new Error(`protocol bench: ${this.exit}`));
    });
    rpc.onNotification(
      'textDocument/publishDiagnostics',
      (p: { uri: string; version?: number; diagnostics: Publication['diagnostics'] }) => {
        const publication: Publication = {
          seq: this.publications.length,
          uri: p.uri,
          version: p.version ?? undefined,
          diagnostics: p.diagnostics,
          at: performance.now(),
        };
        this.publications.push(publication);
        this.waiters = this.waiters.filter((w) => {
          if (publication.seq < w.from || !w.test(publication)) return true;
          w.resolve(publication);
          return false;
        });
      },
    );
    rpc.onNotification(() => undefined); // logs, telemetry, progress
    rpc.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) =>
      p.items.map((item) => (item.section === undefined ? null : (settings[item.section] ?? null))),
    );
    rpc.onRequest(() => null); // client/registerCapability, window/workDoneProgress/create, refreshes…
    rpc.onError(() => undefined);
    rpc.listen();
  }

  /** Spawns the server and initializes it (push: no `textDocument.diagnostic` capability; pull: with it). */
  static async start(
    kind: ServerKind,
    mode: Mode,
    env: NodeJS.ProcessEnv = {},
    execArgv: string[] = [],
    ours: OursOptions = {},
  ): Promise<Client> {
    const child = spawn(process.execPath, [...execArgv, kind === 'ours' ? OURS_SERVER : YLS_SERVER, '--stdio'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    live.add(child);
    child.stdin!.on('error', () => undefined); // a server that died: reported by the exit handler
    const settings: Record<string, unknown> = { ...YLS_SETTINGS, osaiManifest: ours.settings ?? {} };
    const client = new Client(
      kind,
      mode,
      child,
      createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!)),
      settings,
    );
    await client.request(
      'initialize',
      {
        processId: process.pid,
        rootUri: null,
        workspaceFolders: null,
        locale: 'en',
        ...(ours.initializationOptions === undefined ? {} : { initializationOptions: ours.initializationOptions }),
        capabilities: {
          workspace: {
            configuration: true,
            didChangeConfiguration: { dynamicRegistration: true },
            workspaceFolders: true,
          },
          textDocument: {
            synchronization: { dynamicRegistration: false, didSave: true },
            publishDiagnostics: { relatedInformation: true, versionSupport: true },
            completion: { completionItem: { snippetSupport: true } },
            ...(mode === 'pull' ? { diagnostic: { dynamicRegistration: false } } : {}),
          },
        },
      },
      'the initialize response',
    );
    await client.notify('initialized', {});
    // As VS Code's clients do at start; yaml-language-server then pulls `workspace/configuration`.
    await client.notify('workspace/didChangeConfiguration', {
      settings: kind === 'yls' ? { yaml: settings.yaml } : { osaiManifest: settings.osaiManifest },
    });
    return client;
  }

  get name(): string {
    return `${NAMES[this.kind]} (${this.mode})`;
  }

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
    return this.notify('textDocument/didOpen', {
      textDocument: { uri, languageId: this.kind === 'ours' ? languageIdOf(uri) : 'yaml', version, text },
    });
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

const languageIdOf = (uri: string) => (/osai\.ya?ml$/.test(uri) ? 'osai-manifest' : 'yaml');

/** Progress on stderr (the section itself goes to stdout). */
export const log = (line: string) => process.stderr.write(`  protocol: ${line}\n`);
