/**
 * LSP glue: wires connection handlers to the language service. Parses are cached per
 * document version and shared by every feature; no exception escapes a handler.
 */
import {
  CancellationToken, CodeActionKind, Connection, Diagnostic, DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind, InitializeParams, InitializeResult, ResponseError, TextDocumentSyncKind, TextDocuments,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CHECKLIST_REQUEST, CREATE_MANIFEST_FROM_CARD_KIND, MANIFEST_FROM_CARD_REQUEST, ManifestFromCardResult, NEW_MANIFEST_REQUEST, NewManifestResult, REPORT_REQUEST, ReportParams, ReportResult } from './protocol';
import { getLanguageService, LanguageServiceOptions, ParsedDocument, ServiceSettings } from './service';

/** Validation waits this long after the last keystroke before it runs (push mode). */
const VALIDATION_DELAY_MS = 150;

interface Analysis {
  version: number;
  parsed: ParsedDocument;
  diagnostics: Diagnostic[];
}

export interface ClientSettings {
  licenses?: { treatAsOpen?: string[] };
  maxFileSize?: number;
  mof?: { enable?: boolean };
}

/** What the client tells the server at start (besides the settings). */
interface InitializationOptions {
  settings?: ClientSettings;
  /** Red Hat's YAML extension is active: it reports YAML syntax errors in `yaml` files already. */
  redhatYaml?: boolean;
}

/** Starts serving on `connection`; `options.formats` replaces the built-in formats (tests, embedders). */
export function startServer(connection: Connection, options: LanguageServiceOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const service = getLanguageService({}, options);
  const cache = new Map<string, Analysis>();
  const pending = new Map<string, NodeJS.Timeout>();
  let pullDiagnostics = false;
  let snippets = false;
  let configurationRequests = false;
  let refreshSupport = false;
  let dynamicConfiguration = false;
  let initialized = false;

  /** The parse and diagnostics of the document's current version, computed at most once. */
  function analyse(document: TextDocument): Analysis {
    const cached = cache.get(document.uri);
    if (cached && cached.version === document.version) return cached;
    const parsed = service.parse(document);
    const analysis = { version: document.version, parsed, diagnostics: service.doValidation(parsed) };
    cache.set(document.uri, analysis);
    return analysis;
  }

  /** Runs a handler; a failure is logged and answered as an error, never a crash. */
  function guard<T>(name: string, run: () => T): T {
    try {
      return run();
    } catch (error) {
      const message = error instanceof Error ? error.stack ?? error.message : String(error);
      connection.console.error(`osai: ${name} failed: ${message}`);
      throw new ResponseError(-32603, `osai: ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  function publish(uri: string): void {
    pending.delete(uri);
    const document = documents.get(uri);
    if (!document) return;
    try {
      const { diagnostics, version } = analyse(document);
      void connection.sendDiagnostics({ uri, version, diagnostics });
    } catch (error) {
      connection.console.error(`osai: validation of ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`);
    }
  }

  function schedule(uri: string, delay: number): void {
    if (pullDiagnostics) return;
    const timer = pending.get(uri);
    if (timer) clearTimeout(timer);
    if (delay === 0) publish(uri);
    else pending.set(uri, setTimeout(() => publish(uri), delay));
  }

  async function refreshSettings(): Promise<void> {
    if (!configurationRequests) return;
    try {
      const settings = (await connection.workspace.getConfiguration('osaiManifest')) as ClientSettings | null;
      applySettings(settings ?? {});
    } catch (error) {
      connection.console.error(`osai: reading settings failed: ${String(error)}`);
    }
  }

  function applySettings(settings: ClientSettings): void {
    const next: Partial<ServiceSettings> = {};
    const extra = settings.licenses?.treatAsOpen;
    if (Array.isArray(extra)) next.treatAsOpen = extra.filter((x): x is string => typeof x === 'string');
    if (typeof settings.maxFileSize === 'number' && settings.maxFileSize > 0) next.maxFileSize = settings.maxFileSize;
    if (typeof settings.mof?.enable === 'boolean') next.mof = settings.mof.enable;
    service.configure(next);
    cache.clear();
    // Before `initialized` the client cannot take requests, and no document is open yet.
    if (!initialized) return;
    if (pullDiagnostics) {
      if (refreshSupport) connection.languages.diagnostics.refresh();
    } else {
      for (const document of documents.all()) schedule(document.uri, 0);
    }
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const capabilities = params.capabilities;
    pullDiagnostics = !!capabilities.textDocument?.diagnostic;
    snippets = !!capabilities.textDocument?.completion?.completionItem?.snippetSupport;
    configurationRequests = !!capabilities.workspace?.configuration;
    refreshSupport = !!capabilities.workspace?.diagnostics?.refreshSupport;
    dynamicConfiguration = !!capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
    const options = params.initializationOptions as InitializationOptions | undefined;
    if (options?.redhatYaml) service.configure({ mofYamlSyntax: false });
    if (options?.settings) applySettings(options.settings);
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        hoverProvider: true,
        completionProvider: { triggerCharacters: [':', ' ', '-'] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, `${CodeActionKind.SourceFixAll}.osai`, CREATE_MANIFEST_FROM_CARD_KIND] },
        documentSymbolProvider: true,
        codeLensProvider: { resolveProvider: false },
        ...(pullDiagnostics ? { diagnosticProvider: { identifier: 'osai', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'osai-language-server', version: '0.1.0' },
    };
  });

  connection.onInitialized(() => {
    initialized = true;
    if (dynamicConfiguration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'osaiManifest' }).catch(() => undefined);
    }
    if (configurationRequests) void refreshSettings();
  });

  connection.onDidChangeConfiguration((change) => {
    const settings = (change.settings as { osaiManifest?: ClientSettings } | null)?.osaiManifest;
    if (settings) applySettings(settings);
    else void refreshSettings();
  });

  documents.onDidOpen((e) => schedule(e.document.uri, 0));
  documents.onDidChangeContent((e) => schedule(e.document.uri, VALIDATION_DELAY_MS));
  documents.onDidClose((e) => {
    const timer = pending.get(e.document.uri);
    if (timer) clearTimeout(timer);
    pending.delete(e.document.uri);
    cache.delete(e.document.uri);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on((params, token: CancellationToken) => guard('diagnostics', () => {
    const document = documents.get(params.textDocument.uri);
    if (!document || token.isCancellationRequested) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    return { kind: DocumentDiagnosticReportKind.Full, items: analyse(document).diagnostics };
  }));

  connection.onHover((params) => guard('hover', () => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.doHover(analyse(document).parsed, params.position) : null;
  }));

  connection.onCompletion((params) => guard('completion', () => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.doComplete(analyse(document).parsed, params.position, { snippets }) : null;
  }));

  connection.onCodeAction((params) => guard('code actions', () => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const analysis = analyse(document);
    return service.getCodeActions(analysis.parsed, params.context.diagnostics, analysis.diagnostics, params.context.only);
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
    const { parsed, diagnostics } = analyse(document);
    return service.getChecklist(parsed, diagnostics) ?? null;
  }));

  // Custom request: the compliance report of a document, rendered here so the client bundles
  // no checks and no renderer.
  connection.onRequest(REPORT_REQUEST, (params: ReportParams) => guard('report', (): ReportResult | null => {
    const document = documents.get(params.textDocument.uri);
    if (!document) return null;
    const { parsed, diagnostics } = analyse(document);
    const checklist = service.getChecklist(parsed, diagnostics);
    if (!checklist) return null;
    const format = params.format === 'md' ? 'md' : 'html';
    return { text: service.renderReport([{ file: params.file, checklist }], format, { generator: params.generator }) };
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
