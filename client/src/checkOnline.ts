/**
 * "OSAID: Check locations online": asks the hosts the active document's locations name, once,
 * even while `osaiManifest.online.enable` is off — with progress, cancellable, and a summary of
 * what was found. What the hosts answered arrives as the document's diagnostics and hovers.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CHECK_ONLINE_REQUEST, type CheckOnlineResult } from '../../server/src/protocol';

export const CHECK_ONLINE_COMMAND = 'osaiManifest.checkOnline';

export async function checkOnline(
  client: BaseLanguageClient,
  uri?: vscode.Uri,
): Promise<CheckOnlineResult | undefined> {
  const document = uri
    ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString())
    : vscode.window.activeTextEditor?.document;
  if (!document) {
    void vscode.window.showInformationMessage('Open a manifest, a MOF model file or a model card to check it online.');
    return undefined;
  }
  let result: CheckOnlineResult | null;
  try {
    result = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: 'OSAID: asking the hosts this document names',
        cancellable: true,
      },
      (_progress, token) =>
        client.sendRequest<CheckOnlineResult | null>(
          CHECK_ONLINE_REQUEST,
          { textDocument: { uri: client.code2ProtocolConverter.asUri(document.uri) } },
          token,
        ),
    );
  } catch (error) {
    if (error instanceof Error && /cancel/i.test(error.message)) return undefined;
    void vscode.window.showErrorMessage(
      `The online check failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
  if (!result) {
    void vscode.window.showInformationMessage('This document is not one the OSAID checker reads.');
    return undefined;
  }
  void vscode.window.showInformationMessage(summary(result));
  return result;
}

function summary(result: CheckOnlineResult): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (result.locations === 0) return 'This document names no Hugging Face Hub, GitHub or other web location to check.';
  if (result.offline) return `Online checks skipped: no connection (${plural(result.locations, 'location')}).`;
  const unanswered = result.locations - result.answered;
  return (
    `Checked ${plural(result.answered, 'location')} online` +
    `${unanswered ? ` (${unanswered} not answered)` : ''}: ` +
    `${result.findings === 0 ? 'nothing to report' : `${plural(result.findings, 'finding')}, in the Problems panel`}.`
  );
}
