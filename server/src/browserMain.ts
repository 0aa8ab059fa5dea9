/**
 * Entry point of the language server in a web worker (VS Code for the Web: vscode.dev,
 * github.dev), bundled as server/out/browser-server.js. The same server as server/src/main.ts
 * (`startServer`), over the worker's messages instead of Node IPC: the extension's browser
 * client (client/src/browserExtension.ts) creates this worker.
 */
import {
  BrowserMessageReader,
  BrowserMessageWriter,
  createConnection,
  ProposedFeatures,
} from 'vscode-languageserver/browser';
import { browserFetcher } from './host/browserFetch';
import { installResources } from './host/bundledResources';
import { WORKER_RESOURCES_KEY } from './protocol';
import { startServer } from './server';

/**
 * The worker's global scope, as far as this file needs it (the project compiles without the DOM/webworker libraries).
 */
interface WorkerScope {
  postMessage(message: unknown): void;
  addEventListener(
    type: 'error' | 'unhandledrejection',
    listener: (event: { error?: unknown; reason?: unknown; message?: string }) => void,
  ): void;
  addEventListener(
    type: 'message',
    listener: (event: { data: unknown; stopImmediatePropagation(): void }) => void,
  ): void;
}
declare const self: WorkerScope;

// The client's first message: the data files beside the bundle (host/bundledResources.ts). This
// listener comes before the connection's, which never sees the message.
self.addEventListener('message', (event) => {
  const given = (event.data as Record<string, unknown> | null)?.[WORKER_RESOURCES_KEY];
  if (typeof given !== 'object' || given === null) return;
  event.stopImmediatePropagation();
  installResources(given as Record<string, unknown>);
});
const connection = createConnection(
  ProposedFeatures.all,
  new BrowserMessageReader(self as never),
  new BrowserMessageWriter(self as never),
);
// As on Node: stray console output goes to the client's log (a worker's console is the browser's developer tools).
console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
const describe = (error: unknown): string => (error instanceof Error ? (error.stack ?? error.message) : String(error));
self.addEventListener('error', (event) =>
  connection.console.error(`osai: uncaught ${describe(event.error ?? event.message)}`),
);
self.addEventListener('unhandledrejection', (event) =>
  connection.console.error(`osai: unhandled rejection ${describe(event.reason)}`),
);
// Online checks (when the user turns them on) from the browser: no environment, no disk cache.
startServer(connection, {
  online: {
    fetcher: (initialization) =>
      browserFetcher(initialization.timeoutMs !== undefined ? { timeoutMs: initialization.timeoutMs } : {}),
    env: {},
  },
});
