/**
 * The VS Code client in the browser (VS Code for the Web: vscode.dev, github.dev): runs in the
 * web worker extension host and starts the OSAID language server in a web worker of its own
 * (server/out/browser-server.js, from server/src/browserMain.ts). What the extension does is in
 * activation.ts, shared with the Node client (extension.ts). No Node API on this path.
 */
import * as vscode from 'vscode';
import {
  BaseLanguageClient,
  BrowserMessageReader,
  BrowserMessageWriter,
  LanguageClientOptions,
  MessageTransports,
} from 'vscode-languageclient/browser';
import { WORKER_RESOURCES, WORKER_RESOURCES_KEY } from '../../server/src/protocol';
import { activateExtension, deactivateExtension, OsaidExtensionApi } from './activation';

export { LANGUAGE_ID } from './activation';
export type { OsaidExtensionApi } from './activation';

/** A worker, as far as this file needs it (the project compiles without the DOM library). */
interface ServerWorker {
  terminate(): void;
  postMessage(message: unknown): void;
}
declare const Worker: new (url: string, options?: { name?: string }) => ServerWorker;

const WORKER_NAME = 'OSAID language server';

/**
 * A language client whose server is a web worker made afresh at every start: "Restart language
 * server" and the client's own restart after a crash get a new worker, and stopping the client
 * ends its worker (the library's browser client keeps one worker for its whole life, and a
 * worker server cannot exit by itself).
 */
class WorkerLanguageClient extends BaseLanguageClient {
  private worker: { worker: ServerWorker; dispose(): void } | undefined;

  constructor(
    id: string,
    name: string,
    options: LanguageClientOptions,
    private readonly script: vscode.Uri,
  ) {
    super(id, name, options);
  }

  protected override async createMessageTransports(): Promise<MessageTransports> {
    this.endWorker();
    const resources = await this.readResources();
    this.worker = await this.startWorker();
    // Before any LSP message: the server reads these as it needs them (server/src/host/bundledResources.ts).
    this.worker.worker.postMessage({ [WORKER_RESOURCES_KEY]: resources });
    const port = this.worker.worker as never;
    return { reader: new BrowserMessageReader(port), writer: new BrowserMessageWriter(port) };
  }

  /**
   * The data files beside the server bundle (the license-text index, the CycloneDX schemas),
   * read as the server script is when it cannot be started from its address: with the extension
   * host's `fetch`, else its file system. One that cannot be read is left out, and said so: the
   * server then reports, when it needs it, that it was not given it.
   */
  private async readResources(): Promise<Record<string, string>> {
    const folder = vscode.Uri.joinPath(this.script, '..');
    const read = async (name: string): Promise<[string, string] | undefined> => {
      const uri = vscode.Uri.joinPath(folder, name);
      try {
        const response = await fetch(uri.toString(true));
        if (response.ok) return [name, await response.text()];
      } catch {
        // not an address this extension host fetches (a `file:` one): its file system may read it
      }
      try {
        return [name, new TextDecoder().decode(await vscode.workspace.fs.readFile(uri))];
      } catch (error) {
        this.warn(`${uri.toString(true)} could not be read: ${error instanceof Error ? error.message : String(error)}`);
        return undefined;
      }
    };
    const entries = await Promise.all(WORKER_RESOURCES.map(read));
    return Object.fromEntries(entries.filter((entry): entry is [string, string] => entry !== undefined));
  }

  private async startWorker(): Promise<{ worker: ServerWorker; dispose(): void }> {
    const url = this.script.toString(true);
    try {
      const worker = new Worker(url, { name: WORKER_NAME });
      return { worker, dispose: () => worker.terminate() };
    } catch (error) {
      // The web extension host makes workers from `https:` (vscode.dev, github.dev: extensions
      // come from the Marketplace's CDN) and `file:` addresses, but refuses an extension that a
      // VS Code server serves (a `vscode-remote:` address: code-server, `code serve-web`, this
      // project's web test): "Creating workers from remote extensions is currently not
      // supported." Its `fetch` can read that address, and a worker can run the text from a blob.
      this.info(
        `Starting the server from ${url} directly failed (` +
          `${error instanceof Error ? error.message : String(error)}); ` +
          `starting it from its text.`,
      );
      const response = await fetch(url);
      if (!response.ok) {
        throw new Error(`${url} could not be read: ${response.status} ${response.statusText}`, { cause: error });
      }
      const blob = URL.createObjectURL(
        new Blob([await response.text(), `\n//# sourceURL=${url}\n`], { type: 'text/javascript' }),
      );
      const worker = new Worker(blob, { name: WORKER_NAME });
      return {
        worker,
        dispose: () => {
          worker.terminate();
          URL.revokeObjectURL(blob);
        },
      };
    }
  }

  private endWorker(): void {
    this.worker?.dispose();
    this.worker = undefined;
  }

  /** Stops the server (ending its worker) and starts it again in a new worker. */
  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  override stop(timeout = 2000): Promise<void> {
    return super.stop(timeout).finally(() => this.endWorker());
  }

  override dispose(timeout = 2000): Promise<void> {
    return super.dispose(timeout).finally(() => this.endWorker());
  }
}

export function activate(context: vscode.ExtensionContext): Promise<OsaidExtensionApi> {
  const script = vscode.Uri.joinPath(context.extensionUri, 'server', 'out', 'browser-server.js');
  return activateExtension(context, {
    kind: 'web',
    createClient: (id, name, options) => new WorkerLanguageClient(id, name, options, script),
  });
}

export const deactivate = deactivateExtension;
