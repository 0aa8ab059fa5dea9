/** An LSP session with `node server/out/server.js --stdio`, driven by vscode-jsonrpc. */
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import {
  createMessageConnection,
  MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node';
import type { InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ROOT } from '../helpers';

const SERVER = join(ROOT, 'server', 'out', 'server.js');
/** Every wait's limit: it only keeps a broken server from hanging the suite (nothing is timed). */
const HANG_GUARD_MS = 120_000;

export interface Session {
  child: ChildProcess;
  rpc: MessageConnection;
  published: PublishDiagnosticsParams[];
  waitForDiagnostics(uri: string, version?: number, limitMs?: number): Promise<PublishDiagnosticsParams>;
  stderr: string[];
  logs: string[];
  /** Resolves with the first `window/logMessage` (already received or to come) that matches. */
  waitForLog(pattern: RegExp, limitMs?: number): Promise<string>;
  /** The server's answer to `initialize`. */
  initializeResult: InitializeResult;
  /** `window/showMessage` notifications, in order. */
  messages: Array<{ type: number; message: string }>;
  /** Resolves with the `n`-th (1-based) `window/showMessage`, when it comes. */
  waitForMessage(n: number): Promise<{ type: number; message: string }>;
  /** What `workspace/configuration` answers for `osaiManifest` from now on. */
  configuration: { licenses: { treatAsOpen: string[] } };
  waitForPublication(
    uri: string,
    accept: (p: PublishDiagnosticsParams) => boolean,
    limitMs?: number,
  ): Promise<PublishDiagnosticsParams>;
  waitForRefresh(n: number, limitMs?: number): Promise<void>;
  /** Resolves at the `n`-th `workspace/configuration` request (a plain answer goes out before what is sent next). */
  waitForConfigurationRequest(n: number, limitMs?: number): Promise<void>;
  /** How many `workspace/configuration` requests the server has made so far. */
  configurationRequestCount(): number;
  /** `client/registerCapability` registrations received. */
  registrations: Array<{ method: string; registerOptions?: unknown }>;
}

/** `args`: the node arguments that start a server (default: the built server bundle). */
export interface SessionOptions {
  /** `osaiManifest.licenses.treatAsOpen` in the client's settings. */
  treatAsOpen?: string[];
  /** Answers `workspace/configuration` instead of the session's settings (a test holding an answer back). */
  configuration?: (items: unknown[]) => unknown[] | Promise<unknown[]>;
  /** The workspace folders (URIs) the client opens. */
  workspaceFolders?: string[];
  /** Sent as `initializationOptions` (e.g. `{ fileAccess: true }`). */
  initializationOptions?: unknown;
  /** The client does not answer `workspace/configuration` (it pushes its settings, or gives them at start only). */
  noConfiguration?: boolean;
  /** The client can refresh pulled diagnostics and watch files (VS Code's capabilities). */
  refresh?: boolean;
  watchFiles?: boolean;
  /** Handlers of requests from the server (e.g. `osai/fs/stat`). */
  handlers?: Record<string, (params: unknown) => unknown>;
  /** Added to the server process's environment (e.g. `HF_ENDPOINT`). */
  env?: Record<string, string>;
}

export async function startSession(
  pull: boolean,
  args: readonly string[] = [SERVER, '--stdio'],
  options: SessionOptions = {},
): Promise<Session> {
  const child = spawn(process.execPath, [...args], {
    stdio: ['pipe', 'pipe', 'pipe'],
    ...(options.env ? { env: { ...process.env, ...options.env } } : {}),
  });
  const rpc = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: Array<() => void> = [];
  const stderr: string[] = [];
  child.stderr!.on('data', (b) => stderr.push(String(b)));
  rpc.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    published.push(p);
    waiters.splice(0).forEach((w) => w());
  });
  const logs: string[] = [];
  const logWaiters: Array<() => void> = [];
  rpc.onNotification('window/logMessage', (p: { message: string }) => {
    logs.push(p.message);
    logWaiters.splice(0).forEach((w) => w());
  });
  const messages: Array<{ type: number; message: string }> = [];
  const messageWaiters: Array<() => void> = [];
  rpc.onNotification('window/showMessage', (p: { type: number; message: string }) => {
    messages.push(p);
    messageWaiters.splice(0).forEach((w) => w());
  });
  const configuration = { licenses: { treatAsOpen: options.treatAsOpen ?? [] } };
  let configurationRequests = 0;
  const configurationWaiters: Array<() => void> = [];
  rpc.onRequest('workspace/configuration', (p: { items: unknown[] }) => {
    configurationRequests++;
    configurationWaiters.splice(0).forEach((w) => w());
    return options.configuration ? options.configuration(p.items) : p.items.map(() => configuration);
  });
  const registrations: Array<{ method: string; registerOptions?: unknown }> = [];
  rpc.onRequest(
    'client/registerCapability',
    (p: { registrations: Array<{ method: string; registerOptions?: unknown }> }) => {
      registrations.push(...p.registrations);
      return null;
    },
  );
  let refreshes = 0;
  const refreshWaiters: Array<() => void> = [];
  rpc.onRequest('workspace/diagnostic/refresh', () => {
    refreshes++;
    refreshWaiters.splice(0).forEach((w) => w());
    return null;
  });
  for (const [method, handler] of Object.entries(options.handlers ?? {})) rpc.onRequest(method, handler);
  rpc.listen();
  const initializeResult = await rpc.sendRequest<InitializeResult>('initialize', {
    processId: process.pid,
    rootUri: null,
    workspaceFolders: options.workspaceFolders?.map((uri, i) => ({ uri, name: `folder${i}` })) ?? null,
    ...(options.initializationOptions !== undefined ? { initializationOptions: options.initializationOptions } : {}),
    capabilities: {
      workspace: {
        configuration: !options.noConfiguration,
        ...(options.refresh ? { diagnostics: { refreshSupport: true } } : {}),
        ...(options.watchFiles ? { didChangeWatchedFiles: { dynamicRegistration: true } } : {}),
      },
      textDocument: {
        completion: { completionItem: { snippetSupport: true } },
        ...(pull ? { diagnostic: { dynamicRegistration: false } } : {}),
      },
    },
  });
  await rpc.sendNotification('initialized', {});
  const waitForDiagnostics = (
    uri: string,
    version?: number,
    limitMs = HANG_GUARD_MS,
  ): Promise<PublishDiagnosticsParams> =>
    new Promise((resolve, reject) => {
      const find = () => published.find((p) => p.uri === uri && (version === undefined || p.version === version));
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version}`)), limitMs);
      const check = (): void => {
        const hit = find();
        if (hit) {
          clearTimeout(timer);
          resolve(hit);
        } else waiters.push(check);
      };
      check();
    });
  const waitForMessage = (n: number, limitMs = HANG_GUARD_MS): Promise<{ type: number; message: string }> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no window/showMessage #${n} (got ${messages.length})`)),
        limitMs,
      );
      const check = (): void => {
        if (messages.length >= n) {
          clearTimeout(timer);
          resolve(messages[n - 1]);
        } else messageWaiters.push(check);
      };
      check();
    });
  /** Resolves at the `n`-th `workspace/diagnostic/refresh` request. */
  const waitForRefresh = (n: number, limitMs = HANG_GUARD_MS): Promise<void> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no workspace/diagnostic/refresh #${n} (got ${refreshes})`)),
        limitMs,
      );
      const check = (): void => {
        if (refreshes >= n) {
          clearTimeout(timer);
          resolve();
        } else refreshWaiters.push(check);
      };
      check();
    });
  const waitForConfigurationRequest = (n: number, limitMs = HANG_GUARD_MS): Promise<void> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no configuration request #${n} (got ${configurationRequests})`)),
        limitMs,
      );
      const check = (): void => {
        if (configurationRequests >= n) {
          clearTimeout(timer);
          resolve();
        } else configurationWaiters.push(check);
      };
      check();
    });
  /** Resolves with the first publication for `uri` (from now on or already received) that `accept` takes. */
  const waitForPublication = (
    uri: string,
    accept: (p: PublishDiagnosticsParams) => boolean,
    limitMs = HANG_GUARD_MS,
  ): Promise<PublishDiagnosticsParams> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `no publication for ${uri} that the test accepts (got ${published.filter((p) => p.uri === uri).length})`,
            ),
          ),
        limitMs,
      );
      let from = 0;
      const check = (): void => {
        const hit = published.slice(from).find((p) => p.uri === uri && accept(p));
        from = published.length;
        if (hit) {
          clearTimeout(timer);
          resolve(hit);
        } else waiters.push(check);
      };
      check();
    });
  const waitForLog = (pattern: RegExp, limitMs = HANG_GUARD_MS): Promise<string> =>
    new Promise((resolve, reject) => {
      const fail = () => reject(new Error(`no log message matching ${pattern} (got ${JSON.stringify(logs)})`));
      const timer = setTimeout(fail, limitMs);
      const check = (): void => {
        const hit = logs.find((l) => pattern.test(l));
        if (hit !== undefined) {
          clearTimeout(timer);
          resolve(hit);
        } else logWaiters.push(check);
      };
      check();
    });
  return {
    child,
    rpc,
    published,
    waitForDiagnostics,
    waitForPublication,
    waitForRefresh,
    waitForConfigurationRequest,
    configurationRequestCount: () => configurationRequests,
    registrations,
    stderr,
    logs,
    waitForLog,
    messages,
    waitForMessage,
    configuration,
    initializeResult,
  };
}

export async function stopSession(s: Session): Promise<number | null> {
  await s.rpc.sendRequest('shutdown');
  const exited = new Promise<number | null>((resolve) => s.child.on('exit', (code) => resolve(code)));
  await s.rpc.sendNotification('exit');
  const code = await exited;
  s.rpc.dispose();
  return code;
}
