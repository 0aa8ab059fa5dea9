/**
 * LSP glue: wires connection handlers to the language service. Parses are cached per
 * document version and shared by every feature; no exception escapes a handler.
 */
import type { CancellationToken, Connection, Diagnostic, InitializeParams, InitializeResult, Position, Range } from 'vscode-languageserver';
// A CommonJS import: bundled without esbuild's ES-module wrapper, which would copy the
// package's thousand-odd exports into getters at every start (~5 ms of a ~150 ms start).
import lsp = require('vscode-languageserver');
const { CodeActionKind, DidChangeConfigurationNotification, DidChangeWatchedFilesNotification, DocumentDiagnosticReportKind, LSPErrorCodes, MessageType, ResponseError, ShowMessageNotification, TextDocumentSyncKind, TextDocuments } = lsp;
import { TextDocument, TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import { CHECKLIST_REQUEST, CREATE_MANIFEST_FROM_CARD_KIND, MANIFEST_FROM_CARD_REQUEST, ManifestFromCardResult, NEW_MANIFEST_REQUEST, NewManifestResult, REPORT_REQUEST, ReportParams, ReportResult } from './protocol';
import { getLanguageService, LanguageServiceOptions, ParsedDocument, ReportParamsError, sameEvidence, ServiceSettings, type Evidence, type EvidenceHost } from './service';
import { EvidenceTracker } from './evidenceTracker';
import { clientFiles } from './host/clientFiles';
import { defaultSettings } from './service/settings';

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

interface Analysis {
  version: number;
  parsed: ParsedDocument;
  /** Computed on first need (a hover needs the parse only). */
  diagnostics?: Diagnostic[];
  /** The evidence the diagnostics were computed with (what was known of the release's files then). */
  evidence?: Evidence;
}

/**
 * Lets the messages already received be handled before going on. A web worker (the browser
 * server, browserMain.ts) has no `setImmediate`: a zero timeout is its macrotask there.
 */
const yieldToInput = typeof setImmediate === 'function'
  ? () => new Promise<void>((resolve) => setImmediate(resolve))
  : () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export interface ClientSettings {
  licenses?: { treatAsOpen?: string[] };
  maxFileSize?: number;
  mof?: { enable?: boolean };
  evidence?: { enable?: boolean };
}

/** What the client tells the server at start (besides the settings). */
interface InitializationOptions {
  settings?: ClientSettings;
  /** Red Hat's YAML extension is active: it reports YAML syntax errors in `yaml` files already. */
  redhatYaml?: boolean;
  /** The client answers `osai/fs/*` requests (protocol.ts): the release's files of any scheme it can read. */
  fileAccess?: boolean;
}

export interface ServerOptions extends LanguageServiceOptions {
  /** How the server reads `file:` URIs itself (Node's file system); without it, only through the client. */
  files?: EvidenceHost;
}

/**
 * Applies a client's changes to the server's copy. `TextDocument.update` keeps its line index
 * incrementally, and counts a `\r` and a `\n` that arrive in two changes (a split CRLF) as two
 * line breaks while the client sees one: the copy's lines then diverge from the client's.
 * When a change makes or breaks a `\r\n` at its edges, the document is created again from
 * its text so the line index is rebuilt.
 */
export function updateDocument(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
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
    current = pairAt(text, start) || pairAt(text, after) || pairAt(before, start) || pairAt(before, end)
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

/** The `osai/report` params, checked: a malformed request is answered InvalidParams, saying what is wrong. */
function reportParams(params: unknown): ReportParams {
  const p = params as Partial<ReportParams> | null | undefined;
  const problems: string[] = [];
  if (typeof p?.textDocument?.uri !== 'string') problems.push('`textDocument.uri` must be a string');
  if (p?.format !== 'md' && p?.format !== 'html') problems.push('`format` must be "md" or "html"');
  if (typeof p?.file !== 'string') problems.push('`file` must be a string');
  if (p?.generator !== undefined && typeof p.generator !== 'string') problems.push('`generator` must be a string when given');
  if (problems.length > 0) throw new ResponseError(lsp.ErrorCodes.InvalidParams, `osai/report: ${problems.join('; ')}.`);
  return p as ReportParams;
}

/**
 * Starts serving on `connection`; `options.formats` replaces the built-in formats (tests,
 * embedders), `options.files` reads `file:` URIs for the evidence (main.ts: Node's file system).
 */
export function startServer(connection: Connection, options: ServerOptions = {}): void {
  const documents = new TextDocuments({ create: TextDocument.create, update: updateDocument });
  const service = getLanguageService({}, options);
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
  /** The settings in effect: a settings answer that changes nothing re-validates nothing. */
  let effective: ServiceSettings = { ...defaultSettings };
  /** The version last published per document (push mode): opening publishes once. */
  const publishedVersions = new Map<string, number>();
  /** Counts the settings applied: a validation started under older settings is dropped. */
  let settingsGeneration = 0;
  /** The workspace folders: where a release's root is looked for. */
  let roots: string[] = [];
  let clientFileAccess: EvidenceHost | undefined;
  /** Where a document's release is read from: the disk for `file:` (when the host gave one), else the client (when it offered). */
  const filesFor = (uri: string): EvidenceHost | undefined => (/^file:/i.test(uri) && options.files ? options.files : clientFileAccess);
  const evidence = new EvidenceTracker({
    service,
    filesFor: (uri) => filesFor(uri),
    roots: () => roots,
    current: (uri) => { const document = documents.get(uri); return document ? parseOf(document).parsed : undefined; },
    changed: (uri) => evidenceChanged(uri),
    log: (message) => connection.console.error(message),
  });

  /** The parse of the document's current version, computed at most once (only the current version is kept). */
  function parseOf(document: TextDocument): Analysis {
    const cached = cache.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    // The previous version's parse is handed over (its unchanged sections are reused) and dropped.
    const analysis: Analysis = { version: document.version, parsed: service.parse(document, { previous: cached?.parsed }) };
    cache.set(document.uri, analysis);
    return analysis;
  }

  /** The analysis's diagnostics, computed at most once, with what is known of the release's files. */
  function diagnosticsOf(uri: string, analysis: Analysis): Diagnostic[] {
    if (!analysis.diagnostics) {
      analysis.evidence = effective.evidence ? evidence.evidenceFor(uri, analysis.parsed) : undefined;
      analysis.diagnostics = service.doValidation(analysis.parsed, analysis.evidence);
    }
    return analysis.diagnostics;
  }

  /** The parse and diagnostics of the document's current version, each computed at most once. */
  function analyse(document: TextDocument): Analysis & { diagnostics: Diagnostic[] } {
    const analysis = parseOf(document);
    diagnosticsOf(document.uri, analysis);
    return analysis as Analysis & { diagnostics: Diagnostic[] };
  }

  /** Reads the document's release again if needed (in the background: what it finds arrives in a later publication). */
  function refreshEvidence(uri: string): void {
    if (effective.evidence) evidence.refresh(uri);
  }

  /** A reading of the release finished: if it changes what the current version shows, that version is validated again. */
  function evidenceChanged(uri: string): void {
    const document = documents.get(uri);
    const analysis = cache.get(uri);
    if (!document || !analysis || analysis.version !== document.version || !analysis.diagnostics) return;
    if (sameEvidence(analysis.evidence, evidence.evidenceFor(uri, analysis.parsed))) return;
    analysis.diagnostics = undefined;
    if (pullDiagnostics) {
      if (refreshSupport) connection.languages.diagnostics.refresh();
    } else {
      schedule(uri, true);
    }
  }

  /** Runs a handler; a failure is logged and answered as an error, never a crash. */
  function guard<T>(name: string, run: () => T): T {
    try {
      return run();
    } catch (error) {
      if (error instanceof ResponseError) throw error; // a deliberate answer (a cancellation)
      if (error instanceof ReportParamsError) throw new ResponseError(lsp.ErrorCodes.InvalidParams, error.message);
      const message = error instanceof Error ? error.stack ?? error.message : String(error);
      connection.console.error(`osai: ${name} failed: ${message}`);
      throw new ResponseError(-32603, `osai: ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
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
   * Validates the document's current version and publishes it (push mode). A stage that took
   * long lets queued messages in before the next one; when they brought a newer version, this
   * run stops (the change scheduled its own). A publication is never older than the last one.
   */
  async function validateAndPublish(uri: string): Promise<void> {
    pending.delete(uri);
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    const generation = settingsGeneration;
    const superseded = () => documents.get(uri)?.version !== version || settingsGeneration !== generation;
    try {
      const started = performance.now();
      const analysis = parseOf(document);
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
      void connection.sendDiagnostics({ uri, version, diagnostics });
      refreshEvidence(uri);
    } catch (error) {
      connection.console.error(`osai: validation of ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }

  /** Push mode: validates now (`immediately`) or after the document's delay, replacing a validation already waiting. */
  function schedule(uri: string, immediately: boolean): void {
    if (pullDiagnostics) return;
    const timer = pending.get(uri);
    if (timer) clearTimeout(timer);
    if (immediately) void validateAndPublish(uri);
    else pending.set(uri, setTimeout(() => void validateAndPublish(uri), delayAfterChange(uri)));
  }

  /**
   * Settings changes, coalesced: each change (with its settings, or `fetch` to ask the client)
   * replaces the one waiting, and one is applied when the burst is over. While the client is
   * asked, later changes wait; an answer overtaken by a newer change is dropped (the last wins).
   */
  let waitingSettings: ClientSettings | 'fetch' | undefined;
  let settingsTimer: ReturnType<typeof setTimeout> | undefined;
  let fetchingSettings = false;

  function settingsChanged(change: ClientSettings | 'fetch'): void {
    waitingSettings = change;
    if (settingsTimer === undefined && !fetchingSettings) settingsTimer = setTimeout(() => void flushSettings(), SETTINGS_COALESCE_MS);
  }

  async function flushSettings(): Promise<void> {
    settingsTimer = undefined;
    const change = waitingSettings;
    waitingSettings = undefined;
    if (change === undefined) return;
    if (change !== 'fetch') { applySettings(change); return; }
    if (!configurationRequests) return;
    fetchingSettings = true;
    try {
      const settings = (await connection.workspace.getConfiguration('osaiManifest')) as ClientSettings | null;
      if (waitingSettings === undefined) applySettings(settings ?? {});
    } catch (error) {
      connection.console.error(`osai: reading settings failed: ${String(error)}`);
    } finally {
      fetchingSettings = false;
      if (waitingSettings !== undefined && settingsTimer === undefined) settingsTimer = setTimeout(() => void flushSettings(), SETTINGS_COALESCE_MS);
    }
  }

  function applySettings(settings: ClientSettings): void {
    const next: Partial<ServiceSettings> = {};
    const extra = settings.licenses?.treatAsOpen;
    if (Array.isArray(extra)) next.treatAsOpen = extra.filter((x): x is string => typeof x === 'string');
    if (typeof settings.maxFileSize === 'number' && settings.maxFileSize > 0) next.maxFileSize = settings.maxFileSize;
    if (typeof settings.mof?.enable === 'boolean') next.mof = settings.mof.enable;
    if (typeof settings.evidence?.enable === 'boolean') next.evidence = settings.evidence.enable;
    const merged: ServiceSettings = { ...effective, ...next };
    if (JSON.stringify(merged) === JSON.stringify(effective)) return;
    if (merged.evidence !== effective.evidence) evidence.reset();
    effective = merged;
    service.configure(next);
    settingsGeneration++;
    // Before `initialized` the client cannot take requests, and no document is open yet.
    if (!initialized) return;
    warnAboutSettings();
    revalidateAll();
  }

  /** Every open document is validated again (its parse and diagnostics dropped first). */
  function revalidateAll(): void {
    cache.clear();
    if (pullDiagnostics) {
      if (refreshSupport) connection.languages.diagnostics.refresh();
    } else {
      for (const document of documents.all()) schedule(document.uri, true);
    }
  }

  /** The treat-as-open entries last warned about: each list is warned about once. */
  let warnedSettings = '';
  /**
   * A treat-as-open entry the built-in knowledge already judges has no effect (a setting never
   * makes `CC-BY-NC-4.0` open): say so once, besides the diagnostics where the license is used.
   */
  function warnAboutSettings(): void {
    const problems = service.settingsProblems();
    const key = problems.map((p) => p.entry).join('\u0001');
    if (key === warnedSettings) return;
    warnedSettings = key;
    if (problems.length === 0) return;
    const message = `osaiManifest.licenses.treatAsOpen: ${problems.map((p) => `${p.message}${p.refusal === 'already-open' ? '' : ' This entry is ignored.'}`).join(' ')}`;
    connection.console.warn(`osai: ${message}`);
    // A notification, not `showWarningMessage` (a request that a client without buttons may not answer).
    void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }).catch(() => undefined);
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
    watchFiles = !!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    workspaceFolderEvents = !!capabilities.workspace?.workspaceFolders;
    if (initialization?.redhatYaml) { effective = { ...effective, mofYamlSyntax: false }; service.configure({ mofYamlSyntax: false }); }
    if (initialization?.settings) applySettings(initialization.settings);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', ' ', '-', '/'] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, `${CodeActionKind.SourceFixAll}.osai`, CREATE_MANIFEST_FROM_CARD_KIND] },
        documentSymbolProvider: true,
        codeLensProvider: { resolveProvider: false },
        ...(pullDiagnostics ? { diagnosticProvider: { identifier: 'osai', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
        ...(workspaceFolderEvents ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
      },
      serverInfo: { name: 'osai-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    initialized = true;
    if (dynamicConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'osaiManifest' }).catch(() => undefined);
    }
    warnAboutSettings();
    if (configurationRequests) settingsChanged('fetch');
    // Changes to license files and locations revalidate the documents that cite them.
    if (watchFiles) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*' }] }).catch(() => undefined);
    }
    if (workspaceFolderEvents) {
      connection.workspace.onDidChangeWorkspaceFolders((change) => {
        const removed = new Set(change.removed.map((f) => f.uri));
        roots = [...roots.filter((r) => !removed.has(r)), ...change.added.map((f) => f.uri)];
        evidence.reset();
        revalidateAll();
      });
    }
  });

  connection.onDidChangeWatchedFiles((params) => evidence.filesChanged(params.changes.map((change) => change.uri)));

  connection.onDidChangeConfiguration((change) => {
    const settings = (change.settings as { osaiManifest?: ClientSettings } | null)?.osaiManifest;
    settingsChanged(settings && typeof settings === 'object' ? settings : 'fetch');
  });

  documents.onDidOpen((e) => schedule(e.document.uri, true));
  documents.onDidChangeContent((e) => {
    // Also fired on open, right after onDidOpen validated this very version.
    if (cache.get(e.document.uri)?.version === e.document.version && !pending.has(e.document.uri)) return;
    schedule(e.document.uri, false);
  });
  documents.onDidClose((e) => {
    const timer = pending.get(e.document.uri);
    if (timer) clearTimeout(timer);
    pending.delete(e.document.uri);
    cache.delete(e.document.uri);
    costs.delete(e.document.uri);
    changedAt.delete(e.document.uri);
    publishedVersions.delete(e.document.uri);
    evidence.forget(e.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on((params, token: CancellationToken) => guard('diagnostics', () => {
    // Cancelled: an error, not an empty "full" report that would clear the client's list.
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'osai: diagnostics cancelled');
    const document = documents.get(params.textDocument.uri);
    if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const { diagnostics } = analyse(document);
    refreshEvidence(document.uri);
    return { kind: DocumentDiagnosticReportKind.Full, items: diagnostics };
  }));

  connection.onHover((params) => guard('hover', () => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const { parsed, evidence: found } = analyse(document);
    return service.doHover(parsed, clamp(document, params.position), found);
  }));

  connection.onCompletion(async (params) => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const position = clamp(document, params.position);
    const parsed = guard('completion', () => analyse(document).parsed);
    // In a location that is a path: the names really there (read in the background, like the evidence).
    const files = effective.evidence ? filesFor(document.uri) : undefined;
    if (files) {
      try {
        const paths = await service.completePaths(parsed, position, files, { roots });
        if (paths) return paths;
      } catch (error) {
        connection.console.error(`osai: path completion failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      }
    }
    return guard('completion', () => service.doComplete(parsed, position, { snippets }));
  });

  connection.onCodeAction((params) => guard('code actions', () => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const analysis = analyse(document);
    const diagnostics = params.context.diagnostics.map((d) => ({ ...d, range: clampRange(document, d.range) }));
    return service.getCodeActions(analysis.parsed, diagnostics, analysis.diagnostics, params.context.only);
  }));

  connection.onDocumentSymbol((params) => guard('document symbols', () => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.findDocumentSymbols(analyse(document).parsed) : null;
  }));

  connection.onCodeLens((params) => guard('code lens', () => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const { parsed, diagnostics } = analyse(document);
    return service.getCodeLenses(parsed, diagnostics);
  }));

  // Custom request: the OSAID checklist of a document, for the client's tree view, status
  // bar and report (one source of truth: the server's own diagnostics).
  connection.onRequest(CHECKLIST_REQUEST, (params: { textDocument: { uri: string } }) => guard('checklist', () => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const { parsed, diagnostics, evidence: found } = analyse(document);
    return service.getChecklist(parsed, diagnostics, found) ?? null;
  }));

  // Custom request: the compliance report of a document, rendered here so the client bundles
  // no checks and no renderer.
  connection.onRequest(REPORT_REQUEST, (params: unknown) => guard('report', (): ReportResult | null => {
    const valid = reportParams(params);
    const document = documents.get(valid.textDocument.uri);
    if (!document) return null;
    const { parsed, diagnostics, evidence: found } = analyse(document);
    const checklist = service.getChecklist(parsed, diagnostics, found);
    if (!checklist) return null;
    return { text: service.renderReport([{ file: valid.file, checklist }], valid.format, { generator: valid.generator }) };
  }));

  // Custom request: the text of a new manifest.
  connection.onRequest(NEW_MANIFEST_REQUEST, () => guard('new manifest', (): NewManifestResult => {
    const created = service.newDocument();
    if (!created) throw new Error('no document format offers a new document');
    return created;
  }));

  // Custom request: an osai.yaml pre-filled with what a model card states (the client writes it).
  connection.onRequest(MANIFEST_FROM_CARD_REQUEST, (params: { textDocument: { uri: string } }) => guard('manifest from card', (): ManifestFromCardResult | null => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const text = service.toManifest(analyse(document).parsed);
    return text === undefined ? null : { text };
  }));

  documents.listen(connection);
  connection.listen();
}
