/**
 * "OSAID: Export AI-BOM…": the active document as a CycloneDX ML-BOM or an SPDX 3.0.1 document,
 * written by the server (the same writers as `osai-check --format cyclonedx|spdx3`): a format
 * picker, then a save dialog (Node) or a new editor (the browser, as for the report).
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import {
  EXPORT_AIBOM_REQUEST,
  type AiBomFormat,
  type ExportAiBomParams,
  type ExportAiBomResult,
} from '../../server/src/protocol';
import type { ReportDestination } from './exportReport';
import { openUntitled } from './untitled';

export const EXPORT_AIBOM_COMMAND = 'osaiManifest.exportAiBom';

/** Where the BOM went (the file written, or the untitled document opened); undefined when nothing was exported. */
export async function exportAiBom(
  client: BaseLanguageClient,
  tool: { name: string; version: string },
  target: { format?: AiBomFormat; uri?: vscode.Uri; document?: vscode.Uri },
  destination: ReportDestination,
): Promise<vscode.Uri | undefined> {
  const document = target.document ?? vscode.window.activeTextEditor?.document.uri;
  if (!document) {
    void vscode.window.showInformationMessage(
      'Open a manifest, a MOF model file or a Hugging Face card to export it as an AI-BOM.',
    );
    return undefined;
  }
  let format = target.format;
  if (!format) {
    const picked = await vscode.window.showQuickPick(
      [
        { label: 'CycloneDX 1.7', description: 'ML-BOM, JSON (the newest)', format: 'cyclonedx-1.7' as const },
        { label: 'CycloneDX 1.6', description: 'ML-BOM, JSON', format: 'cyclonedx-1.6' as const },
        { label: 'SPDX 3.0.1', description: 'AI and Dataset profiles, JSON-LD', format: 'spdx3' as const },
      ],
      { title: 'Export AI-BOM', placeHolder: 'Format of the bill of materials' },
    );
    if (!picked) return undefined;
    format = picked.format;
  }
  const params: ExportAiBomParams = { textDocument: { uri: document.toString() }, format, tool };
  let result: ExportAiBomResult | null;
  try {
    result = await client.sendRequest<ExportAiBomResult | null>(EXPORT_AIBOM_REQUEST, params);
  } catch (error) {
    void vscode.window.showErrorMessage(
      `The AI-BOM could not be made: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
  if (!result) {
    void vscode.window.showWarningMessage('This document states no release the AI-BOM could describe.');
    return undefined;
  }
  let uri = target.uri;
  if (!uri && destination === 'file') {
    const base = document.path.replace(/^.*\//, '').replace(/\.(osai\.)?(ya?ml|md)$/i, '') || 'release';
    const folder = vscode.workspace.getWorkspaceFolder(document)?.uri ?? vscode.Uri.joinPath(document, '..');
    uri = await vscode.window.showSaveDialog({
      title: 'Export AI-BOM',
      defaultUri: vscode.Uri.joinPath(
        folder,
        `${base === 'README' ? 'model' : base}.${format === 'spdx3' ? 'spdx3' : 'cdx'}.json`,
      ),
      filters: format === 'spdx3' ? { 'SPDX 3 JSON-LD': ['json', 'jsonld'] } : { 'CycloneDX JSON': ['json'] },
    });
    if (!uri) return undefined;
  }
  if (!uri) return (await openUntitled('json', result.text)).document.uri;
  try {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(result.text));
  } catch (error) {
    void vscode.window.showErrorMessage(
      `The AI-BOM could not be saved to ${vscode.workspace.asRelativePath(uri, false)}: ` +
        `${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
  if (!target.uri)
    void vscode.window
      .showInformationMessage(`AI-BOM saved to ${vscode.workspace.asRelativePath(uri, false)}.`, 'Open')
      .then((choice) => {
        if (choice) void vscode.window.showTextDocument(uri!);
      });
  return uri;
}
