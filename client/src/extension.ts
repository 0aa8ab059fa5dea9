/**
 * The VS Code client on Node (desktop VS Code, remotes): starts the OSAID language server in a
 * child process over IPC. What the extension does is in activation.ts, shared with the
 * browser client (browserExtension.ts).
 */
import * as vscode from 'vscode';
import { LanguageClient, NodeModule, TransportKind } from 'vscode-languageclient/node';
import { activateExtension, deactivateExtension, OsaidExtensionApi } from './activation';

export { LANGUAGE_ID } from './activation';
export type { OsaidExtensionApi } from './activation';

export function activate(context: vscode.ExtensionContext): Promise<OsaidExtensionApi> {
  const serverModule = context.asAbsolutePath('server/out/server.js');
  const run: NodeModule = { module: serverModule, transport: TransportKind.ipc };
  const debug: NodeModule = {
    module: serverModule,
    transport: TransportKind.ipc,
    options: { execArgv: ['--nolazy', '--inspect=6011'] },
  };
  return activateExtension(context, {
    kind: 'node',
    createClient: (id, name, options) => new LanguageClient(id, name, { run, debug }, options),
    // The client replaces `options.env` with the whole environment when it starts the server: a fresh object each time.
    serverEnvironment(variables) {
      run.options = { ...run.options, env: { ...variables } };
      debug.options = { ...debug.options, env: { ...variables } };
    },
  });
}

export const deactivate = deactivateExtension;
