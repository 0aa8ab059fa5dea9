/**
 * The VS Code client: starts the OSAID language server and registers the commands.
 * Everything the user sees about a manifest comes from the server.
 */
import * as vscode from 'vscode';
import { LanguageClient, LanguageClientOptions, ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { NEW_MANIFEST_REQUEST, NewManifestResult } from '../../server/src/protocol';
import { ChecklistView } from './checklistView';
import { registerCreateManifest } from './createManifest';
import { exportReport } from './exportReport';

export const LANGUAGE_ID = 'osai-manifest';
let client: LanguageClient | undefined;

/** What the extension exports: used by the integration tests, and open to other extensions. */
export interface OsaidExtensionApi {
  checklist: ChecklistView;
}

export async function activate(context: vscode.ExtensionContext): Promise<OsaidExtensionApi> {
  const serverModule = context.asAbsolutePath('server/out/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    // Any YAML file may be a Model Openness Framework model file, and any Markdown file a
    // Hugging Face model or dataset card; the server recognises them by content and leaves
    // every other file alone (Markdown costs it a look at the first line). The server only
    // adds diagnostics, lenses, hovers and fixes: VS Code's own Markdown features are untouched.
    documentSelector: [
      { language: LANGUAGE_ID },
      { language: 'yaml', scheme: 'file' }, { language: 'yaml', scheme: 'untitled' },
      { language: 'markdown', scheme: 'file' }, { language: 'markdown', scheme: 'untitled' },
    ],
    synchronize: { configurationSection: 'osaiManifest' },
    initializationOptions: {
      settings: vscode.workspace.getConfiguration('osaiManifest'),
      redhatYaml: vscode.extensions.getExtension('redhat.vscode-yaml') !== undefined,
    },
  };
  client = new LanguageClient('osaiManifest', 'OSAID Manifest', serverOptions, clientOptions);

  context.subscriptions.push(
    vscode.commands.registerCommand('osaiManifest.newManifest', async () => {
      // The skeleton comes from the server, which derives it from the requirements table.
      let created: NewManifestResult;
      try {
        created = await client!.sendRequest<NewManifestResult>(NEW_MANIFEST_REQUEST, {});
      } catch (error) {
        void vscode.window.showErrorMessage(`A new manifest could not be created: ${error instanceof Error ? error.message : String(error)}`);
        return;
      }
      const document = await vscode.workspace.openTextDocument({ language: created.languageId, content: created.text });
      await vscode.window.showTextDocument(document);
    }),
    vscode.commands.registerCommand('osaiManifest.restartServer', async () => {
      await client?.restart();
      void vscode.window.setStatusBarMessage('OSAID language server restarted', 3000);
    }),
    vscode.commands.registerCommand('osaiManifest.showOutput', () => client?.outputChannel.show()),
  );


  const checklist = new ChecklistView(client);
  context.subscriptions.push(
    checklist,
    vscode.commands.registerCommand('osaiManifest.refreshChecklist', () => checklist.refresh()),
    // "Create osai.yaml from this card" (also run by the model card's source action).
    registerCreateManifest(client, checklist.onDidChangeTreeData),
    // Arguments (format, target file) are for automation and tests; users get a picker and a save dialog.
    vscode.commands.registerCommand('osaiManifest.exportReport', (format?: 'html' | 'md', uri?: vscode.Uri) =>
      exportReport(client!, checklist, `OSAID Manifest for VS Code ${String(context.extension.packageJSON.version)}`, { format, uri })),
  );

  try {
    await client.start();
    checklist.schedule();
  } catch (error) {
    // Not awaited: activation must finish even while the notification is open.
    const started = client;
    void vscode.window.showErrorMessage(
      `The OSAID language server could not start: ${error instanceof Error ? error.message : String(error)}`, 'Show log')
      .then((choice) => { if (choice) started.outputChannel.show(); });
  }
  return { checklist };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
