/**
 * LSP glue: wires connection handlers to the language service. Parses are cached per
 * document version and shared by every feature; no exception escapes a handler.
 */
import type {
  CancellationToken,
  Connection,
  Diagnostic,
  Disposable,
  InitializeParams,
  InitializeResult,
  Position,
  Range,
} from 'vscode-languageserver';
// A CommonJS import: bundled without esbuild's ES-module wrapper, which would copy the
// package's thousand-odd exports into getters at every start (BENCHMARKS.md, "Design measurements").
import lsp = require('vscode-languageserver');
const {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  MessageType,
  ResponseError,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
} = lsp;
import { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import {
  AIBOM_FORMATS,
  EXPORT_AIBOM_REQUEST,
  type ExportAiBomParams,
  type ExportAiBomResult,
  CHECK_ONLINE_REQUEST,
  CheckOnlineResult,
  CHECKLIST_REQUEST,
  CREATE_MANIFEST_FROM_CARD_KIND,
  MANIFEST_FROM_CARD_REQUEST,
  ManifestFromCardResult,
  NEW_MANIFEST_REQUEST,
  NewManifestResult,
  REPORT_REQUEST,
  ReportParams,
  ReportResult,
} from './protocol';
import {
  getLanguageService,
  LanguageService,
  LanguageServiceOptions,
  ParsedDocument,
  OnlineClient,
  onlineConfigFromEnv,
  ReportParamsError,
  sameEvidence,
  sameOnline,
  ServiceSettings,
  type Evidence,
  type EvidenceHost,
  type OnlineCacheStore,
  type OnlineEvidence,
  type OnlineFetcher,
  type SettingsProblem,
} from './service';
import { DocumentSettings, type Answers, type ClientSettings } from './documentSettings';
import { EvidenceTracker } from './evidenceTracker';
import { OnlineTracker } from './onlineTracker';
import { clientFiles } from './host/clientFiles';
import { SERVER_VERSION } from './version';

/**
 * Push mode: after a keystroke, validation waits for more keystrokes — a quarter of what the
 * document's last validation cost, at least `MIN_VALIDATION_DELAY_MS` (a burst of changes
 * already sent arrives within that, and is validated once) — unless keystrokes come faster
 * than the document validates: then it waits `MAX_VALIDATION_DELAY_MS`, so that a long
 * document is not parsed again for every keystroke of a word.
 */
const MIN_VALIDATION_DELAY_MS = 4;
const MAX_VALIDATION_DELAY_MS = 150;
/** A validation stage that took longer than this lets queued messages (newer text, hovers) in before the next stage. */
const YIELD_AFTER_MS = 8;
/** Settings changes are gathered this long before one is applied: a burst of them revalidates once, with the last. */
const SETTINGS_COALESCE_MS = 20;
/** Distinct settings each get a service; more than this many (settings churn) start the set afresh. */
const MAX_SERVICES = 16;

interface Analysis {
  version: number;
  /** The document's settings it was made under, and the service for them. */
  settings: ServiceSettings;
  service: LanguageService;
  parsed: ParsedDocument;
  /** Computed on first need (a hover needs the parse only). */
  diagnostics?: Diagnostic[];
  /** The evidence the diagnostics were computed with (what was known of the release's files then). */
  evidence?: Evidence;
  /** What the hosts had answered about its locations then (online checks). */
  online?: OnlineEvidence;
}

/**
 * Lets the messages already received be handled before going on. A web worker (the browser
 * server, browserMain.ts) has no `setImmediate`: a zero timeout is its macrotask there.
 */
const yieldToInput =
  typeof setImmediate === 'function'
    ? () => new Promise<void>((resolve) => setImmediate(resolve))
    : () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** What the client tells the server at start (besides the settings). */
interface InitializationOptions {
  settings?: ClientSettings;
  /** Red Hat's YAML extension is active: it reports YAML syntax errors in `yaml` files already. */
  redhatYaml?: boolean;
  /** The client answers `osai/fs/*` requests (protocol.ts): the release's files of any scheme it can read. */
  fileAccess?: boolean;
  /** How the online checks reach the network: the editor's proxy, and where the per-user cache may live. */
  online?: OnlineInitialization;
}

export interface OnlineInitialization {
  /** A proxy URL (VS Code's `http.proxy`), overriding `HTTPS_PROXY`. */
  proxy?: string;
  /** Hosts never reached through the proxy (VS Code's `http.noProxy`), overriding `NO_PROXY`. */
  noProxy?: string[];
  /** Check the proxy's and hosts' certificates (VS Code's `http.proxyStrictSSL`; default true). */
  strictSSL?: boolean;
  /** A folder of the extension's own for the cache (VS Code's global storage); default: the user's cache folder. */
  cacheFolder?: string;
  /** How long a host has to answer, in ms (`osaiManifest.online.timeout`). */
  timeoutMs?: number;
}

/** How a server reaches the hosts a document names, when the user turns the online checks on. */
export interface ServerOnline {
  fetcher(initialization: OnlineInitialization): OnlineFetcher;
  cache?(initialization: OnlineInitialization): OnlineCacheStore | undefined;
  /** Where `HF_ENDPOINT`, `HF_TOKEN`, `GITHUB_API_URL`, `GITHUB_TOKEN` are read (the process's environment). */
  env: Readonly<Record<string, string | undefined>>;
}

export interface ServerOptions extends LanguageServiceOptions {
  /** How the server reads `file:` URIs itself (Node's file system); without it, only through the client. */
  files?: EvidenceHost;
  /** How it reaches the network for the online checks; without it, they are not offered. */
  online?: ServerOnline;
}

/**
 * Applies a client's changes to the server's copy. `TextDocument.update` keeps its line index
 * incrementally, and counts a `\r` and a `\n` that arrive in two changes (a split CRLF) as two
 * line breaks while the client sees one: the copy's lines then diverge from the client's.
 * When a change makes or breaks a `\r\n` at its edges, the document is created again from
 * its text so the line index is rebuilt.
 */
export function updateDocument(
  document: TextDocument,
  changes: TextDocumentContentChangeEvent[],
  version: number,
): TextDocument {
  let current = document;
  for (const change of changes) {
    if (!('range' in change)) {
      current = TextDocument.update(current, [change], version);
      continue;
    }
    const before = current.getText();
    const start = current.offsetAt(change.range.start);
    const end = current.offsetAt(change.range.end);
    const updated = TextDocument.update(current, [change], version);
    const text = updated.getText();
    const after = start + change.text.length;
    // A CR/LF pair at either edge of the change, now or before it: the index may be off.
    const pairAt = (t: string, i: number) => i > 0 && t.charCodeAt(i - 1) === 13 && t.charCodeAt(i) === 10;
    current =
      pairAt(text, start) || pairAt(text, after) || pairAt(before, start) || pairAt(before, end)
        ? TextDocument.create(updated.uri, updated.languageId, version, text)
        : updated;
  }
  return TextDocument.update(current, [], version); // the version, also when there was no change
}

/** A position inside the document (a client may send one past the end of a line or of the text). */
function clamp(document: TextDocument, position: Position): Position {
  return document.positionAt(document.offsetAt(position));
}

function clampRange(document: TextDocument, range: Range): Range {
  return { start: clamp(document, range.start), end: clamp(document, range.end) };
}

/** The params of the custom requests on one document. */
interface DocumentParams {
  textDocument: { uri: string };
}

/** The `osai/report` params, checked: a malformed request is answered InvalidParams, saying what is wrong. */
function reportParams(params: unknown): ReportParams {
  const p = params as Partial<ReportParams> | null | undefined;
  const problems: string[] = [];
  if (typeof p?.textDocument?.uri !== 'string') problems.push('`textDocument.uri` must be a string');
  if (p?.format !== 'md' && p?.format !== 'html') problems.push('`format` must be "md" or "html"');
  if (typeof p?.file !== 'string') problems.push('`file` must be a string');
  if (p?.generator !== undefined && typeof p.generator !== 'string')
    problems.push('`generator` must be a string when given');
  if (problems.length > 0)
    throw new ResponseError(lsp.ErrorCodes.InvalidParams, `osai/report: ${problems.join('; ')}.`);
  return p as ReportParams;
}

/** A request the client cancelled: answered RequestCancelled, the error a client expects for it. */
function cancelled(name: string) {
  return new ResponseError(LSPErrorCodes.RequestCancelled, `osai: ${name} cancelled`);
}

/** `value`, or RequestCancelled as soon as the token is cancelled (a request waiting for the client's settings). */
async function unlessCancelled<T>(
  value: T | Promise<T>,
  token: CancellationToken | undefined,
  name: string,
): Promise<T> {
  if (token?.isCancellationRequested) throw cancelled(name);
  if (!token || !(value instanceof Promise)) return value;
  let listener: Disposable | undefined;
  try {
    return await Promise.race([
      value,
      new Promise<never>((_, reject) => {
        listener = token.onCancellationRequested(() => reject(cancelled(name)));
      }),
    ]);
  } finally {
    listener?.dispose();
  }
}

/** Between the stages of a request: after a long one, messages already received (a cancellation) are let in. */
async function checkpoint(token: CancellationToken | undefined, since: number, name: string): Promise<void> {
  if (!token) return;
  if (performance.now() - since > YIELD_AFTER_MS) await yieldToInput();
  if (token.isCancellationRequested) throw cancelled(name);
}

/** Whether two settings ask the same hosts, the same way. */
function sameOnlineSettings(a: ServiceSettings, b: ServiceSettings): boolean {
  return a.online === b.online && a.hubEndpoint === b.hubEndpoint && a.githubApi === b.githubApi;
}

/** The online part of the initialization options, each field checked. */
function onlineInitializationFrom(value: unknown): OnlineInitialization {
  if (typeof value !== 'object' || value === null) return {};
  const v = value as Record<string, unknown>;
  return {
    ...(typeof v.proxy === 'string' && v.proxy.trim() ? { proxy: v.proxy.trim() } : {}),
    ...(typeof v.strictSSL === 'boolean' ? { strictSSL: v.strictSSL } : {}),
    ...(Array.isArray(v.noProxy) && v.noProxy.length > 0
      ? { noProxy: v.noProxy.filter((h): h is string => typeof h === 'string') }
      : {}),
    ...(typeof v.cacheFolder === 'string' && v.cacheFolder ? { cacheFolder: v.cacheFolder } : {}),
    ...(typeof v.timeoutMs === 'number' && v.timeoutMs >= 1 ? { timeoutMs: v.timeoutMs } : {}),
  };
}

const describe = (error: unknown): string => (error instanceof Error ? (error.stack ?? error.message) : String(error));

/**
 * Starts serving on `connection`; `options.formats` replaces the built-in formats (tests,
 * embedders), `options.files` reads `file:` URIs for the evidence (main.ts: Node's file system).
 */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments({ create: TextDocument.create, update: updateDocument });
  /** A service for what does not depend on settings (a new manifest). */
  const plain = getLanguageService({}, options);
  /** One service per distinct settings: documents of folders that set them differently are checked differently. */
  const services = new Map<string, LanguageService>();
  const cache = new Map<string, Analysis>();
  const pending = new Map<string, NodeJS.Timeout>();
  let pullDiagnostics = false;
  let snippets = false;
  let configurationRequests = false;
  let refreshSupport = false;
  let dynamicConfiguration = false;
  let watchFiles = false;
  let workspaceFolderEvents = false;
  let initialized = false;
  /** The version last published per document (push mode): opening publishes once. */
  const publishedVersions = new Map<string, number>();
  /** The version whose push validation last started: the change event that follows an open validates nothing more. */
  const startedVersions = new Map<string, number>();
  /** The workspace folders: where a release's root is looked for. */
  let roots: string[] = [];
  let clientFileAccess: EvidenceHost | undefined;

  /** Logs to the client; if even that fails, there is nowhere else to say it. */
  function log(message: string): void {
    try {
      connection.console.error(message);
    } catch {
      /* the connection is gone */
    }
  }

  /** Sends a notification, or a request whose answer is unused: a failure, now or later, is logged, never thrown. */
  function send(what: string, sending: () => unknown): void {
    const failed = (error: unknown): void => log(`osai: ${what} failed: ${describe(error)}`);
    try {
      const sent = sending();
      if (typeof (sent as PromiseLike<unknown> | undefined)?.then === 'function') Promise.resolve(sent).catch(failed);
    } catch (error) {
      failed(error);
    }
  }

  const settings = new DocumentSettings({
    ask: (scopes) =>
      connection.workspace.getConfiguration(
        scopes.map((scopeUri) =>
          scopeUri === undefined ? { section: 'osaiManifest' } : { scopeUri, section: 'osaiManifest' },
        ),
      ) as Promise<unknown[]>,
    log,
  });

  function serviceFor(settings: ServiceSettings): LanguageService {
    const key = JSON.stringify(settings);
    let service = services.get(key);
    if (!service) {
      if (services.size >= MAX_SERVICES) services.clear();
      service = getLanguageService(settings, options);
      services.set(key, service);
    }
    return service;
  }

  /**
   * Where a document's release is read from: the disk for `file:` (when the host gave one), else the client (when it
   * offered).
   */
  const filesFor = (uri: string): EvidenceHost | undefined =>
    /^file:/i.test(uri) && options.files ? options.files : clientFileAccess;
  const evidence = new EvidenceTracker({
    service: (uri) => cache.get(uri)?.service ?? plain,
    filesFor: (uri) => filesFor(uri),
    roots: () => roots,
    current: (uri) => {
      const document = documents.get(uri);
      const known = settings.known(uri);
      return document && known ? parseOf(document, known).parsed : undefined;
    },
    changed: (uri) => evidenceChanged(uri),
    log,
  });
  let onlineInitialization: OnlineInitialization = {};
  let onlineParts: { fetcher: OnlineFetcher; cache: OnlineCacheStore | undefined } | undefined;
  /** One client per pair of endpoints (a folder may name a mirror): each keeps its hosts' rate limits. */
  const onlineClients = new Map<string, OnlineClient>();
  function onlineClientFor(docSettings: ServiceSettings): OnlineClient | undefined {
    const network = options.online;
    if (!network) return undefined;
    onlineParts ??= { fetcher: network.fetcher(onlineInitialization), cache: network.cache?.(onlineInitialization) };
    const key = `${docSettings.hubEndpoint}\u0000${docSettings.githubApi}`;
    let client = onlineClients.get(key);
    if (!client) {
      const config = onlineConfigFromEnv(network.env, {
        ...(docSettings.hubEndpoint ? { hubEndpoint: docSettings.hubEndpoint } : {}),
        ...(docSettings.githubApi ? { githubApi: docSettings.githubApi } : {}),
      });
      client = new OnlineClient(onlineParts.fetcher, config, onlineParts.cache);
      onlineClients.set(key, client);
    }
    return client;
  }
  const online = new OnlineTracker({
    service: (uri) => cache.get(uri)?.service ?? plain,
    current: (uri) => {
      const document = documents.get(uri);
      const known = settings.known(uri);
      return document && known ? parseOf(document, known).parsed : undefined;
    },
    client: (uri) => {
      const known = settings.known(uri);
      return known ? onlineClientFor(known) : undefined;
    },
    changed: (uri) => onlineChanged(uri),
    log,
  });

  /** The parse of the document's current version under its settings, computed at most once (only the last is kept). */
  function parseOf(document: TextDocument, docSettings: ServiceSettings): Analysis {
    const cached = cache.get(document.uri);
    if (cached && cached.version === document.version && cached.settings === docSettings) return cached;
    const service = serviceFor(docSettings);
    // The previous version's parse is handed over (its unchanged sections are reused) and dropped.
    const previous = cached?.settings === docSettings ? cached.parsed : undefined;
    const parsed = service.parse(document, { previous });
    const analysis: Analysis = { version: document.version, settings: docSettings, service, parsed };
    cache.set(document.uri, analysis);
    return analysis;
  }

  /** The analysis's diagnostics, computed at most once, with what is known of the release's files. */
  function diagnosticsOf(uri: string, analysis: Analysis): Diagnostic[] {
    if (!analysis.diagnostics) {
      analysis.evidence = analysis.settings.evidence ? evidence.evidenceFor(uri, analysis.parsed) : undefined;
      analysis.online = showsOnline(uri, analysis.settings) ? online.onlineFor(uri, analysis.parsed) : undefined;
      analysis.diagnostics = analysis.service.doValidation(analysis.parsed, analysis.evidence, analysis.online);
    }
    return analysis.diagnostics;
  }

  /** The parse and diagnostics of the document's current version, each computed at most once. */
  function analyse(document: TextDocument, docSettings: ServiceSettings): Analysis & { diagnostics: Diagnostic[] } {
    const analysis = parseOf(document, docSettings);
    diagnosticsOf(document.uri, analysis);
    return analysis as Analysis & { diagnostics: Diagnostic[] };
  }

  /**
   * For a request on a document: its analysis under its settings (asked of the client on first
   * need), or undefined when it is not open. A cancelled request stops with RequestCancelled,
   * before the work and after a long stage of it.
   */
  async function analysed(
    uri: string,
    token: CancellationToken | undefined,
    name: string,
  ): Promise<{ document: TextDocument; analysis: Analysis & { diagnostics: Diagnostic[] } } | undefined> {
    if (token?.isCancellationRequested) throw cancelled(name);
    if (!documents.get(uri)) return undefined;
    const docSettings = await unlessCancelled(settingsOf(uri), token, name);
    const document = documents.get(uri);
    if (!document) return undefined;
    const started = performance.now();
    const analysis = analyse(document, docSettings);
    await checkpoint(token, started, name);
    return { document, analysis };
  }

  /**
   * Reads the document's release again if needed, and asks the hosts its locations name when the user turned that on
   * (in the background: what they find arrives in a later publication).
   */
  function refreshEvidence(uri: string, docSettings: ServiceSettings): void {
    if (docSettings.evidence) evidence.refresh(uri);
    online.refresh(uri, docSettings.online && options.online !== undefined);
  }

  /** Whether a document's diagnostics show what the hosts answered: the setting is on, or the command asked. */
  function showsOnline(uri: string, docSettings: ServiceSettings): boolean {
    return docSettings.online || online.askedOnce(uri);
  }

  /** The hosts answered: if that changes what the current version shows, it is validated again. */
  function onlineChanged(uri: string): void {
    const document = documents.get(uri);
    const analysis = cache.get(uri);
    if (!document || !analysis || analysis.version !== document.version || !analysis.diagnostics) return;
    if (!showsOnline(uri, analysis.settings)) return;
    if (sameOnline(analysis.online, online.onlineFor(uri, analysis.parsed))) return;
    analysis.diagnostics = undefined;
    if (pullDiagnostics) refreshPulled();
    else schedule(uri, true);
  }

  /** Asks a client that pulls diagnostics to pull them again. */
  function refreshPulled(): void {
    if (refreshSupport) send('diagnostics refresh', () => connection.languages.diagnostics.refresh());
  }

  /**
   * A reading of the release finished: if it changes what the current version shows, that version is validated again.
   */
  function evidenceChanged(uri: string): void {
    const document = documents.get(uri);
    const analysis = cache.get(uri);
    if (!document || !analysis || analysis.version !== document.version || !analysis.diagnostics) return;
    if (sameEvidence(analysis.evidence, evidence.evidenceFor(uri, analysis.parsed))) return;
    analysis.diagnostics = undefined;
    if (pullDiagnostics) refreshPulled();
    else schedule(uri, true);
  }

  /** What a failed handler answers: a deliberate error as it is, anything else logged and answered InternalError. */
  function failure(name: string, error: unknown): unknown {
    if (error instanceof ResponseError) return error; // a deliberate answer (a cancellation)
    if (error instanceof ReportParamsError) return new ResponseError(lsp.ErrorCodes.InvalidParams, error.message);
    log(`osai: ${name} failed: ${describe(error)}`);
    return new ResponseError(-32603, `osai: ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
  }

  /** Runs a handler; a failure is logged and answered as an error, never a crash. */
  function guard<T>(name: string, run: () => T): T {
    try {
      return run();
    } catch (error) {
      throw failure(name, error);
    }
  }

  /** The same for a handler that waits (for the document's settings). */
  async function guardAsync<T>(name: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw failure(name, error);
    }
  }

  /** What the document's last validation (parse + checks) cost, in ms: sets the next delay. */
  const costs = new Map<string, number>();
  /** When the document last changed (performance.now()). */
  const changedAt = new Map<string, number>();

  /** How long to wait after a change before validating (see MIN/MAX_VALIDATION_DELAY_MS). */
  function delayAfterChange(uri: string): number {
    const cost = costs.get(uri) ?? MAX_VALIDATION_DELAY_MS;
    const now = performance.now();
    const sinceLastChange = now - (changedAt.get(uri) ?? -Infinity);
    changedAt.set(uri, now);
    if (sinceLastChange < cost) return MAX_VALIDATION_DELAY_MS;
    return Math.min(MAX_VALIDATION_DELAY_MS, Math.max(MIN_VALIDATION_DELAY_MS, Math.ceil(cost / 4)));
  }

  /**
   * Validates the document's current version under its settings and publishes it (push mode).
   * A stage that took long lets queued messages in before the next one; when they brought a
   * newer version or other settings, this run stops (whatever brought them scheduled its own).
   * A publication is never older than the last one.
   */
  async function validateAndPublish(uri: string): Promise<void> {
    pending.delete(uri);
    const opened = documents.get(uri);
    if (!opened) return;
    startedVersions.set(uri, opened.version);
    try {
      // Known settings are used at once, so that the parse is cached before the change event that follows an open.
      const docSettings = settings.known(uri) ?? (await settingsOf(uri));
      const document = documents.get(uri);
      if (!document || pending.has(uri)) return;
      const version = document.version;
      const superseded = () => documents.get(uri)?.version !== version || settings.known(uri) !== docSettings;
      if (superseded()) return;
      const started = performance.now();
      const analysis = parseOf(document, docSettings);
      const parsedAt = performance.now();
      if (parsedAt - started > YIELD_AFTER_MS) {
        await yieldToInput();
        if (superseded()) return;
      }
      const diagnostics = diagnosticsOf(uri, analysis);
      const checkedAt = performance.now();
      costs.set(uri, checkedAt - started);
      if (checkedAt - parsedAt > YIELD_AFTER_MS) {
        await yieldToInput();
        if (superseded()) return;
      }
      if ((publishedVersions.get(uri) ?? -Infinity) > version) return;
      publishedVersions.set(uri, version);
      send(`publishing diagnostics for ${uri}`, () => connection.sendDiagnostics({ uri, version, diagnostics }));
      refreshEvidence(uri, docSettings);
    } catch (error) {
      log(`osai: validation of ${uri} failed: ${describe(error)}`);
    }
  }

  /** Push mode: validates now (`immediately`) or after the document's delay, replacing a validation already waiting. */
  function schedule(uri: string, immediately: boolean): void {
    if (pullDiagnostics) return;
    const timer = pending.get(uri);
    if (timer) clearTimeout(timer);
    pending.delete(uri);
    if (immediately) void validateAndPublish(uri);
    else
      pending.set(
        uri,
        setTimeout(() => void validateAndPublish(uri), delayAfterChange(uri)),
      );
  }

  /**
   * Settings changes, coalesced: each change (with the settings a client pushed, or `fetch` to
   * ask the client for every open document's) replaces the one waiting, and one is applied when
   * the burst is over. While the client is asked, later changes wait; an answer overtaken by a
   * newer change is dropped (the last wins).
   */
  let waitingSettings: { pushed: unknown } | 'fetch' | undefined;
  let settingsTimer: ReturnType<typeof setTimeout> | undefined;
  let fetchingSettings = false;

  function settingsChanged(change: { pushed: unknown } | 'fetch', delay = SETTINGS_COALESCE_MS): void {
    settings.changed();
    waitingSettings = change;
    if (settingsTimer === undefined && !fetchingSettings) settingsTimer = setTimeout(() => void flushSettings(), delay);
  }

  async function flushSettings(): Promise<void> {
    settingsTimer = undefined;
    const change = waitingSettings;
    waitingSettings = undefined;
    if (change === undefined) return;
    if (change !== 'fetch') {
      if (settings.push(change.pushed) && initialized) {
        warnAboutSettings();
        revalidateAll();
      }
      return;
    }
    if (!configurationRequests) return;
    fetchingSettings = true;
    try {
      const answers = await settings.askAll([...documents.keys()]);
      if (answers && waitingSettings === undefined) applyAnswers(answers);
    } catch (error) {
      log(`osai: applying settings failed: ${describe(error)}`);
    } finally {
      fetchingSettings = false;
      if (waitingSettings !== undefined && settingsTimer === undefined)
        settingsTimer = setTimeout(() => void flushSettings(), SETTINGS_COALESCE_MS);
    }
  }

  /** The client's answers for the window and each open document: documents whose settings changed validate again. */
  function applyAnswers(answers: Answers): void {
    const changed = settings.apply(answers, (uri) => documents.get(uri) !== undefined);
    if (changed.window || changed.documents.length > 0) warnAboutSettings();
    if (changed.documents.length === 0) return;
    for (const uri of changed.documents) {
      const before = cache.get(uri)?.settings;
      cache.delete(uri);
      // What was read under other settings (other evidence targets, or none) is read again.
      evidence.forget(uri);
      // What the hosts answered holds unless where they are, or whether they may be asked, changed.
      const now = settings.known(uri);
      if (!before || !now || !sameOnlineSettings(before, now)) online.forget(uri);
    }
    if (pullDiagnostics) refreshPulled();
    else for (const uri of changed.documents) schedule(uri, true);
  }

  /** Every open document is validated again (its parse and diagnostics dropped first). */
  function revalidateAll(): void {
    cache.clear();
    if (pullDiagnostics) refreshPulled();
    else for (const document of documents.all()) schedule(document.uri, true);
  }

  /**
   * A document's settings; the first answer for a document may bring a folder's own
   * treat-as-open list, whose refused entries are warned about like the window's.
   */
  async function settingsOf(uri: string): Promise<ServiceSettings> {
    const known = settings.known(uri);
    if (known) return known;
    const asked = await settings.of(uri);
    warnAboutSettings();
    return asked;
  }

  /** The treat-as-open entries last warned about: each list is warned about once. */
  let warnedSettings = '';
  /**
   * A treat-as-open entry the built-in knowledge already judges has no effect (a setting never
   * makes `CC-BY-NC-4.0` open): say so once, besides the diagnostics where the license is used.
   * Every folder's list counts: the window's first, then each open document's.
   */
  function warnAboutSettings(): void {
    const byEntry = new Map<string, SettingsProblem>();
    for (const problem of settings.all().flatMap((s) => serviceFor(s).settingsProblems())) {
      if (!byEntry.has(problem.entry)) byEntry.set(problem.entry, problem);
    }
    const problems = [...byEntry.values()];
    const key = problems.map((p) => p.entry).join('\u0001');
    if (key === warnedSettings) return;
    warnedSettings = key;
    if (problems.length === 0) return;
    const explained = problems.map((p) =>
      p.refusal === 'already-open' ? p.message : `${p.message} This entry is ignored.`,
    );
    const message = `osaiManifest.licenses.treatAsOpen: ${explained.join(' ')}`;
    connection.console.warn(`osai: ${message}`);
    // A notification, not `showWarningMessage` (a request that a client without buttons may not answer).
    const warning = { type: MessageType.Warning, message };
    send('showing a warning', () => connection.sendNotification(ShowMessageNotification.type, warning));
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    pullDiagnostics = !!capabilities.textDocument?.diagnostic;
    snippets = !!capabilities.textDocument?.completion?.completionItem?.snippetSupport;
    configurationRequests = !!capabilities.workspace?.configuration;
    refreshSupport = !!capabilities.workspace?.diagnostics?.refreshSupport;
    dynamicConfiguration = !!capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
    const initialization = params.initializationOptions as InitializationOptions | undefined;
    roots = (params.workspaceFolders ?? []).map((folder) => folder.uri);
    if (roots.length === 0 && params.rootUri) roots = [params.rootUri];
    clientFileAccess = initialization?.fileAccess === true ? clientFiles(connection) : undefined;
    onlineInitialization = onlineInitializationFrom(initialization?.online);
    watchFiles = !!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    workspaceFolderEvents = !!capabilities.workspace?.workspaceFolders;
    settings.initialize(initialization?.settings, !initialization?.redhatYaml);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', ' ', '-', '/'] },
        codeActionProvider: {
          codeActionKinds: [
            CodeActionKind.QuickFix,
            `${CodeActionKind.SourceFixAll}.osai`,
            CREATE_MANIFEST_FROM_CARD_KIND,
          ],
        },
        documentSymbolProvider: true,
        codeLensProvider: { resolveProvider: false },
        ...(pullDiagnostics
          ? { diagnosticProvider: { identifier: 'osai', interFileDependencies: false, workspaceDiagnostics: false } }
          : {}),
        ...(workspaceFolderEvents
          ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } }
          : {}),
      },
      serverInfo: { name: 'osai-language-server', version: SERVER_VERSION },
    };
  });

  connection.onInitialized(() => {
    initialized = true;
    // From now on each document's settings are asked of the client that answers such questions.
    settings.perScope = configurationRequests;
    if (dynamicConfiguration) {
      send('registering for settings changes', () =>
        connection.client.register(DidChangeConfigurationNotification.type, { section: 'osaiManifest' }),
      );
    }
    warnAboutSettings();
    // At once: the window's settings are warned about before a document opens.
    if (configurationRequests) settingsChanged('fetch', 0);
    // Changes to license files and locations revalidate the documents that cite them.
    if (watchFiles) {
      const watchers = [{ globPattern: '**/*' }];
      send('watching files', () => connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }));
    }
    if (workspaceFolderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((change) => {
        const removed = new Set(change.removed.map((f) => f.uri));
        roots = [...roots.filter((r) => !removed.has(r)), ...change.added.map((f) => f.uri)];
        evidence.reset();
        revalidateAll();
        // A document may now be in another folder, with that folder's settings.
        if (configurationRequests) settingsChanged('fetch');
      });
    }
  });

  connection.onDidChangeWatchedFiles((params) => evidence.filesChanged(params.changes.map((change) => change.uri)));

  connection.onDidChangeConfiguration((change) => {
    const pushed = (change.settings as { osaiManifest?: ClientSettings } | null)?.osaiManifest;
    // A client that answers questions is asked for each document's settings: what it pushes is the window's only.
    settingsChanged(!configurationRequests && pushed && typeof pushed === 'object' ? { pushed } : 'fetch');
  });

  documents.onDidOpen((e) => schedule(e.document.uri, true));
  documents.onDidChangeContent((e) => {
    // Also fired on open, right after onDidOpen started validating this very version.
    const { uri, version } = e.document;
    if ((startedVersions.get(uri) === version || cache.get(uri)?.version === version) && !pending.has(uri)) return;
    // The requests to hosts in flight are for the text before: cancelled.
    online.documentChanged(uri);
    schedule(uri, false);
  });
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    const timer = pending.get(uri);
    if (timer) clearTimeout(timer);
    pending.delete(uri);
    cache.delete(uri);
    costs.delete(uri);
    changedAt.delete(uri);
    publishedVersions.delete(uri);
    startedVersions.delete(uri);
    settings.forget(uri);
    evidence.forget(uri);
    online.forget(uri);
    if (!pullDiagnostics) {
      send(`clearing the diagnostics of ${uri}`, () => connection.sendDiagnostics({ uri, diagnostics: [] }));
    }
  });

  connection.languages.diagnostics.on((params, token: CancellationToken) =>
    guardAsync('diagnostics', async () => {
      // Cancelled: an error, not an empty "full" report that would clear the client's list.
      const open = await analysed(params.textDocument.uri, token, 'diagnostics');
      if (!open) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      refreshEvidence(open.document.uri, open.analysis.settings);
      return { kind: DocumentDiagnosticReportKind.Full, items: open.analysis.diagnostics };
    }),
  );

  connection.onHover((params, token) =>
    guardAsync('hover', async () => {
      const open = await analysed(params.textDocument.uri, token, 'hover');
      if (!open) return null;
      const { service, parsed, evidence: found, online: answered } = open.analysis;
      return service.doHover(parsed, clamp(open.document, params.position), found, answered);
    }),
  );

  connection.onCompletion(async (params, token) => {
    const open = await guardAsync('completion', () => analysed(params.textDocument.uri, token, 'completion'));
    if (!open) return null;
    const {
      document,
      analysis: { service, parsed, settings: docSettings },
    } = open;
    const position = clamp(document, params.position);
    // In a location that is a path: the names really there (read in the background, like the evidence).
    const files = docSettings.evidence ? filesFor(document.uri) : undefined;
    if (files) {
      try {
        const paths = await service.completePaths(parsed, position, files, { roots });
        if (paths) return paths;
      } catch (error) {
        log(`osai: path completion failed: ${describe(error)}`);
      }
    }
    return guard('completion', () => service.doComplete(parsed, position, { snippets }));
  });

  connection.onCodeAction((params, token) =>
    guardAsync('code actions', async () => {
      const open = await analysed(params.textDocument.uri, token, 'code actions');
      if (!open) return null;
      const { document, analysis } = open;
      const diagnostics = params.context.diagnostics.map((d) => ({ ...d, range: clampRange(document, d.range) }));
      return analysis.service.getCodeActions(analysis.parsed, diagnostics, analysis.diagnostics, params.context.only);
    }),
  );

  connection.onDocumentSymbol((params, token) =>
    guardAsync('document symbols', async () => {
      const open = await analysed(params.textDocument.uri, token, 'document symbols');
      return open ? open.analysis.service.findDocumentSymbols(open.analysis.parsed) : null;
    }),
  );

  connection.onCodeLens((params, token) =>
    guardAsync('code lens', async () => {
      const open = await analysed(params.textDocument.uri, token, 'code lens');
      if (!open) return null;
      const { service, parsed, diagnostics } = open.analysis;
      return service.getCodeLenses(parsed, diagnostics);
    }),
  );

  // Custom request: the OSAID checklist of a document, for the client's tree view, status
  // bar and report (one source of truth: the server's own diagnostics).
  connection.onRequest(CHECKLIST_REQUEST, (params: DocumentParams, token?: CancellationToken) =>
    guardAsync('checklist', async () => {
      const open = await analysed(params.textDocument.uri, token, 'checklist');
      if (!open) return null;
      const { service, parsed, diagnostics, evidence: found, online: answered } = open.analysis;
      return service.getChecklist(parsed, diagnostics, found, answered) ?? null;
    }),
  );

  // Custom request: the compliance report of a document, rendered here so the client bundles
  // no checks and no renderer.
  connection.onRequest(REPORT_REQUEST, (params: unknown, token?: CancellationToken) =>
    guardAsync('report', async (): Promise<ReportResult | null> => {
      const valid = reportParams(params);
      const open = await analysed(valid.textDocument.uri, token, 'report');
      if (!open) return null;
      const { service, parsed, diagnostics, evidence: found, online: answered } = open.analysis;
      const started = performance.now();
      const checklist = service.getChecklist(parsed, diagnostics, found, answered);
      if (!checklist) return null;
      await checkpoint(token, started, 'report');
      const entries = [{ file: valid.file, checklist }];
      return { text: service.renderReport(entries, valid.format, { generator: valid.generator }) };
    }),
  );

  // Custom request: the command "Check locations online" — the hosts asked now, whatever the setting.
  connection.onRequest(CHECK_ONLINE_REQUEST, (params: DocumentParams, token?: CancellationToken) =>
    guardAsync('online check', async (): Promise<CheckOnlineResult | null> => {
      if (!options.online)
        throw new ResponseError(lsp.ErrorCodes.InvalidRequest, 'this server cannot reach the network');
      const controller = new AbortController();
      const cancelling = token?.onCancellationRequested(() => controller.abort());
      let open: Awaited<ReturnType<typeof analysed>>;
      let answers: OnlineEvidence | undefined;
      try {
        // Asked again when the document's settings changed meanwhile (answers under the old ones are dropped).
        for (let attempt = 0; attempt < 3 && !answers && !controller.signal.aborted; attempt++) {
          open = await analysed(params.textDocument.uri, token, 'online check');
          if (!open) return null;
          const client = onlineClientFor(open.analysis.settings);
          if (!client) throw new ResponseError(lsp.ErrorCodes.InvalidRequest, 'this server cannot reach the network');
          answers = await online.checkNow(open.document.uri, open.analysis.parsed, client, controller.signal);
          if (!answers && !open.analysis.service.hasOnlineTargets(open.analysis.parsed)) break;
        }
      } finally {
        cancelling?.dispose();
      }
      if (!open) return null;
      if (token?.isCancellationRequested) throw cancelled('online check');
      const locations = new Set(answers?.items.map((i) => JSON.stringify(i.target.where)) ?? []).size;
      const answered = new Set(
        answers?.items.filter((i) => i.result.kind !== 'unanswered').map((i) => JSON.stringify(i.target.where)) ?? [],
      ).size;
      const { service, parsed, evidence: found } = open.analysis;
      const findings = answers
        ? service.doValidation(parsed, found, answers).length - service.doValidation(parsed, found).length
        : 0;
      return { locations, answered, offline: answers?.offline ?? false, findings };
    }),
  );

  // Custom request: the document as an AI-BOM (the same writer as `osai-check --format cyclonedx`).
  connection.onRequest(EXPORT_AIBOM_REQUEST, (params: ExportAiBomParams, token?: CancellationToken) =>
    guardAsync('AI-BOM export', async (): Promise<ExportAiBomResult | null> => {
      if (!(AIBOM_FORMATS as readonly string[]).includes(params?.format))
        throw new ResponseError(lsp.ErrorCodes.InvalidParams, `format must be one of ${AIBOM_FORMATS.join(', ')}`);
      const open = await analysed(params.textDocument?.uri, token, 'AI-BOM export');
      if (!open) return null;
      const { service, parsed, diagnostics, evidence: found, online: answered } = open.analysis;
      const tool =
        typeof params.tool?.name === 'string' && typeof params.tool?.version === 'string'
          ? params.tool
          : { name: 'osai-language-server', version: SERVER_VERSION };
      const bom =
        params.format === 'spdx3'
          ? service.exportSpdx3(parsed, diagnostics, { tool }, found, answered)
          : service.exportCycloneDx(
              parsed,
              diagnostics,
              { specVersion: params.format === 'cyclonedx-1.6' ? '1.6' : '1.7', tool },
              found,
              answered,
            );
      return bom ? { text: `${JSON.stringify(bom, null, 2)}\n` } : null;
    }),
  );

  // Custom request: the text of a new manifest.
  connection.onRequest(NEW_MANIFEST_REQUEST, () =>
    guard('new manifest', (): NewManifestResult => {
      const created = plain.newDocument();
      if (!created) throw new Error('no document format offers a new document');
      return created;
    }),
  );

  // Custom request: an osai.yaml pre-filled with what a model card states (the client writes it).
  connection.onRequest(MANIFEST_FROM_CARD_REQUEST, (params: DocumentParams, token?: CancellationToken) =>
    guardAsync('manifest from card', async (): Promise<ManifestFromCardResult | null> => {
      const open = await analysed(params.textDocument.uri, token, 'manifest from card');
      if (!open) return null;
      const text = open.analysis.service.toManifest(open.analysis.parsed);
      return text === undefined ? null : { text };
    }),
  );

  documents.listen(connection);
  connection.listen();
}
