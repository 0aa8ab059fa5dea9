/** An LSP session with `node server/out/server.js --stdio`, driven by vscode-jsonrpc. */
import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { createMessageConnection, MessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { ROOT } from '../helpers';

const SERVER = join(ROOT, 'server', 'out', 'server.js');

export interface Session {
  child: ChildProcess;
  rpc: MessageConnection;
  published: PublishDiagnosticsParams[];
  waitForDiagnostics(uri: string, version?: number, timeoutMs?: number): Promise<PublishDiagnosticsParams>;
  stderr: string[];
  logs: string[];
  /** `window/showMessage` notifications, in order. */
  messages: Array<{ type: number; message: string }>;
  /** Resolves with the `n`-th (1-based) `window/showMessage`, when it comes. */
  waitForMessage(n: number): Promise<{ type: number; message: string }>;
  /** What `workspace/configuration` answers for `osaiManifest` from now on. */
  configuration: { licenses: { treatAsOpen: string[] } };
}

/** `args`: the node arguments that start a server (default: the built server bundle). */
export interface SessionOptions {
  /** `osaiManifest.licenses.treatAsOpen` in the client's settings. */
  treatAsOpen?: string[];
  /** Answers `workspace/configuration` instead of the session's settings (a test holding an answer back). */
  configuration?: (items: unknown[]) => unknown[] | Promise<unknown[]>;
}

export async function startSession(pull: boolean, args: readonly string[] = [SERVER, '--stdio'], options: SessionOptions = {}): Promise<Session> {
  const child = spawn(process.execPath, [...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  const rpc = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const published: PublishDiagnosticsParams[] = [];
  const waiters: Array<() => void> = [];
  const stderr: string[] = [];
  child.stderr!.on('data', (b) => stderr.push(String(b)));
  rpc.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => { published.push(p); waiters.splice(0).forEach((w) => w()); });
  const logs: string[] = [];
  rpc.onNotification('window/logMessage', (p: { message: string }) => { logs.push(p.message); });
  const messages: Array<{ type: number; message: string }> = [];
  const messageWaiters: Array<() => void> = [];
  rpc.onNotification('window/showMessage', (p: { type: number; message: string }) => { messages.push(p); messageWaiters.splice(0).forEach((w) => w()); });
  const configuration = { licenses: { treatAsOpen: options.treatAsOpen ?? [] } };
  rpc.onRequest('workspace/configuration', (p: { items: unknown[] }) => (options.configuration ? options.configuration(p.items) : p.items.map(() => configuration)));
  rpc.onRequest('client/registerCapability', () => null);
  rpc.listen();
  await rpc.sendRequest('initialize', {
    processId: process.pid, rootUri: null, workspaceFolders: null,
    capabilities: {
      workspace: { configuration: true },
      textDocument: {
        completion: { completionItem: { snippetSupport: true } },
        ...(pull ? { diagnostic: { dynamicRegistration: false } } : {}),
      },
    },
  });
  await rpc.sendNotification('initialized', {});
  const waitForDiagnostics = (uri: string, version?: number, timeoutMs = 1000): Promise<PublishDiagnosticsParams> =>
    new Promise((resolve, reject) => {
      const find = () => published.find((p) => p.uri === uri && (version === undefined || p.version === version));
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} v${version} within ${timeoutMs} ms`)), timeoutMs);
      const check = (): void => {
        const hit = find();
        if (hit) { clearTimeout(timer); resolve(hit); } else waiters.push(check);
      };
      check();
    });
  // The limit only keeps a broken server from hanging the suite; nothing is timed.
  const waitForMessage = (n: number, limitMs = 10000): Promise<{ type: number; message: string }> => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no window/showMessage #${n} (got ${messages.length})`)), limitMs);
    const check = (): void => { if (messages.length >= n) { clearTimeout(timer); resolve(messages[n - 1]); } else messageWaiters.push(check); };
    check();
  });
  return { child, rpc, published, waitForDiagnostics, stderr, logs, messages, waitForMessage, configuration };
}

export async function stopSession(s: Session): Promise<number | null> {
  await s.rpc.sendRequest('shutdown');
  const exited = new Promise<number | null>((resolve) => s.child.on('exit', (code) => resolve(code)));
  await s.rpc.sendNotification('exit');
  const code = await exited;
  s.rpc.dispose();
  return code;
}

