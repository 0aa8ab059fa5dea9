/**
 * What the extension does on activation, shared by its two entry points: extension.ts (Node:
 * desktop VS Code and remotes, the server in a child process over IPC) and browserExtension.ts
 * (VS Code for the Web: vscode.dev, github.dev, the server in a web worker). Each entry point
 * only says how to make its language client; everything the user sees about a document comes
 * from the server, the same on both.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, DocumentSelector, LanguageClientOptions } from 'vscode-languageclient';
import { NEW_MANIFEST_REQUEST, NewManifestResult } from '../../server/src/protocol';
import { ChecklistView } from './checklistView';
import { registerCreateManifest } from './createManifest';
import { checkOnline, CHECK_ONLINE_COMMAND } from './checkOnline';
import { exportAiBom, EXPORT_AIBOM_COMMAND } from './exportAiBom';
import { exportReport } from './exportReport';
import { registerTokenCommands, tokenEnvironment, TOKENS } from './tokens';
import { registerFileAccess } from './fileAccess';
import { openUntitled } from './untitled';

export const LANGUAGE_ID = 'osai-manifest';

/** What differs between the Node and the browser extension. */
export interface ClientPlatform {
  /** `web`: a browser's web worker extension host, where there is no local file system and no Node. */
  kind: 'node' | 'web';
  /** Makes the language client (not started) with these options. */
  createClient(id: string, name: string, options: LanguageClientOptions): RestartableClient;
  /** Variables added to the server's environment from its next start (Node only: a web worker has none). */
  serverEnvironment?(variables: Record<string, string>): void;
}

/**
 * A language client that can restart its server (the library's Node client can; the browser one is made so in
 * browserExtension.ts).
 */
export type RestartableClient = BaseLanguageClient & { restart(): Promise<void> };

/** What the extension exports: used by the integration tests, and open to other extensions. */
export interface OsaidExtensionApi {
  checklist: ChecklistView;
  /** Where the extension runs: `node` (extension.ts) or `web` (browserExtension.ts). */
  platform: ClientPlatform['kind'];
}

/**
 * The documents the server gets. Manifests (language `osai-manifest`) wherever they are. Any
 * YAML file may be a Model Openness Framework model file, any Markdown file a Hugging Face
 * card and any JSON file a CycloneDX ML-BOM, which the server recognises by content (Markdown
 * costs it a look at the first line, JSON a search for `"bomFormat"`);
 * of those, the user's files: on disk (`file`), untitled, in a repository opened on github.dev
 * or vscode.dev (`vscode-vfs`, also a virtual workspace on the desktop), or in whatever file
 * system the workspace folders are in (`vscode-remote` in a browser served by a VS Code
 * server). Not other schemes (`git` versions in a diff, output, chat buffers): their
 * diagnostics would only repeat the file's. The server reads the release's files of a `file:`
 * document itself (Node) and asks the client for the others (fileAccess.ts).
 */
export function documentSelector(workspaceSchemes: readonly string[]): DocumentSelector {
  const schemes = [...new Set(['file', 'untitled', 'vscode-vfs', ...workspaceSchemes])];
  return [
    { language: LANGUAGE_ID },
    ...['yaml', 'markdown', 'json'].flatMap((language) => schemes.map((scheme) => ({ language, scheme }))),
  ];
}

let client: RestartableClient | undefined;

/** VS Code's proxy settings and the extension's own storage, for the server's online checks. */
function onlineInitialization(context: vscode.ExtensionContext): Record<string, unknown> {
  const http = vscode.workspace.getConfiguration('http');
  const proxy = http.get<string>('proxy');
  const noProxy = http.get<string[]>('noProxy');
  const timeout = vscode.workspace.getConfiguration('osaiManifest').get<number>('online.timeout', 10);
  return {
    timeoutMs: Math.max(1, timeout) * 1000,
    ...(proxy ? { proxy } : {}),
    ...(noProxy?.length ? { noProxy } : {}),
    strictSSL: http.get<boolean>('proxyStrictSSL', true),
    ...(context.globalStorageUri.scheme === 'file' ? { cacheFolder: context.globalStorageUri.fsPath } : {}),
  };
}

export async function activateExtension(
  context: vscode.ExtensionContext,
  platform: ClientPlatform,
): Promise<OsaidExtensionApi> {
  const clientOptions: LanguageClientOptions = {
    // Folders added later in another scheme are served after a reload.
    documentSelector: documentSelector((vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.scheme)),
    synchronize: { configurationSection: 'osaiManifest' },
    // A function: read at each start, so that a restart (a new token) starts with today's settings, not activation's.
    initializationOptions: () => ({
      // Plain JSON: a worker's messages are structured clones, which cannot carry the configuration object's methods.
      settings: JSON.parse(JSON.stringify(vscode.workspace.getConfiguration('osaiManifest'))) as unknown,
      redhatYaml: vscode.extensions.getExtension('redhat.vscode-yaml') !== undefined,
      // The server may ask for the release's files (the evidence): answered by fileAccess.ts.
      fileAccess: true,
      // The online checks (off unless the user turns them on) go through the editor's proxy, cache in its storage.
      online: onlineInitialization(context),
    }),
  };
  const started = platform.createClient('osaiManifest', 'OSAID Manifest', clientOptions);
  client = started;
  // The online checks' tokens, from the secret storage, in the server's environment.
  const setServerEnvironment = platform.serverEnvironment;
  if (setServerEnvironment) setServerEnvironment(await tokenEnvironment(context.secrets));
  context.subscriptions.push(...registerFileAccess(started));

  context.subscriptions.push(
    vscode.commands.registerCommand('osaiManifest.newManifest', async () => {
      // The skeleton comes from the server, which derives it from the requirements table.
      let created: NewManifestResult;
      try {
        created = await started.sendRequest<NewManifestResult>(NEW_MANIFEST_REQUEST, {});
      } catch (error) {
        void vscode.window.showErrorMessage(
          `A new manifest could not be created: ${error instanceof Error ? error.message : String(error)}`,
        );
        return;
      }
      await openUntitled(created.languageId, created.text);
    }),
    vscode.commands.registerCommand('osaiManifest.restartServer', async () => {
      await started.restart();
      void vscode.window.setStatusBarMessage('OSAID language server restarted', 3000);
    }),
    vscode.commands.registerCommand('osaiManifest.showOutput', () => started.outputChannel.show()),
    vscode.commands.registerCommand(CHECK_ONLINE_COMMAND, (uri?: vscode.Uri) => checkOnline(started, uri)),
    ...(setServerEnvironment
      ? registerTokenCommands(context.secrets, async () => {
          setServerEnvironment(await tokenEnvironment(context.secrets));
          await started.restart();
        })
      : TOKENS.map((token) =>
          vscode.commands.registerCommand(token.command, () => {
            void vscode.window.showInformationMessage(
              `In VS Code for the Web the online checks ask ${token.host} from the browser, without a token.`,
            );
            return false;
          }),
        )),
  );

  const checklist = new ChecklistView(started);
  const generator =
    `OSAID Manifest for VS Code${platform.kind === 'web' ? ' for the Web' : ''} ` +
    `${String(context.extension.packageJSON.version)}`;
  context.subscriptions.push(
    checklist,
    vscode.commands.registerCommand('osaiManifest.refreshChecklist', () => checklist.refresh()),
    // "Create osai.yaml from this card" (also run by the model card's source action).
    registerCreateManifest(started, checklist.onDidChangeTreeData),
    // Arguments (format, target file) are for automation and tests; users get a picker and a
    // save dialog (Node), or the report in a new editor (web: no local disk to save to).
    vscode.commands.registerCommand('osaiManifest.exportReport', (format?: 'html' | 'md', uri?: vscode.Uri) =>
      exportReport(started, checklist, generator, { format, uri }, platform.kind === 'web' ? 'editor' : 'file'),
    ),
    // Arguments (format, target file, document) are for automation and tests, as for the report.
    vscode.commands.registerCommand(
      EXPORT_AIBOM_COMMAND,
      (format?: 'cyclonedx-1.7' | 'cyclonedx-1.6' | 'spdx3', uri?: vscode.Uri, document?: vscode.Uri) =>
        exportAiBom(
          started,
          { name: generator.replace(/ [\d.]+$/, ''), version: String(context.extension.packageJSON.version) },
          { format, uri, document },
          platform.kind === 'web' ? 'editor' : 'file',
        ),
    ),
  );

  try {
    await started.start();
    checklist.schedule();
  } catch (error) {
    // Not awaited: activation must finish even while the notification is open.
    void vscode.window
      .showErrorMessage(
        `The OSAID language server could not start: ${error instanceof Error ? error.message : String(error)}`,
        'Show log',
      )
      .then((choice) => {
        if (choice) started.outputChannel.show();
      });
  }
  return { checklist, platform: platform.kind };
}

export async function deactivateExtension(): Promise<void> {
  await client?.stop();
  client = undefined;
}
