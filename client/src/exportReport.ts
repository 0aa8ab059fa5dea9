/**
 * "OSAID: Export compliance report": the active document's report as a self-contained HTML
 * or Markdown page, rendered by the server (the same code as `osai-check --report`).
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { REPORT_REQUEST, ReportFormat, ReportParams, ReportResult } from '../../server/src/protocol';
import type { ChecklistView } from './checklistView';
import { openUntitled } from './untitled';

/**
 * Where a report goes when the command is given no file: `file`, a file the user picks in a
 * save dialog (Node); `editor`, a new untitled editor the user saves or copies from as they
 * like (the browser: no local disk, and on github.dev a file saved in the workspace would
 * become a change to commit).
 */
export type ReportDestination = 'file' | 'editor';

/**
 * Returns where the report went: the file written, or the untitled document opened; undefined when nothing was
 * exported.
 */
export async function exportReport(
  client: BaseLanguageClient,
  view: ChecklistView,
  generator: string,
  target?: { format?: ReportFormat; uri?: vscode.Uri },
  destination: ReportDestination = 'file',
): Promise<vscode.Uri | undefined> {
  const checklist = await view.refresh();
  // The checklist's document: the active editor's, or the one still in view while the focus is elsewhere (the
  // walkthrough's button).
  const document = view.documentToShow();
  if (!checklist || !document) {
    void vscode.window.showWarningMessage(
      'Open an OSAID manifest (osai.yaml) or a Model Openness Framework model file to export its compliance report.',
    );
    return undefined;
  }
  let format = target?.format;
  if (!format) {
    const picked = await vscode.window.showQuickPick(
      [
        { label: 'HTML', description: 'a self-contained page to share or print', format: 'html' as const },
        { label: 'Markdown', description: 'for a pull request or an issue', format: 'md' as const },
      ],
      { title: 'Export compliance report', placeHolder: 'Format of the report' },
    );
    if (!picked) return undefined;
    format = picked.format;
  }
  const base = document.uri.path.replace(/^.*\//, '').replace(/\.(osai\.)?ya?ml$/i, '');
  let uri = target?.uri;
  if (!uri && destination === 'file') {
    const folder = vscode.workspace.getWorkspaceFolder(document.uri)?.uri ?? vscode.Uri.joinPath(document.uri, '..');
    uri = await vscode.window.showSaveDialog({
      title: 'Export compliance report',
      defaultUri: vscode.Uri.joinPath(folder, `${base || 'manifest'}-osaid-report.${format}`),
      filters: format === 'html' ? { HTML: ['html'] } : { Markdown: ['md'] },
    });
    if (!uri) return undefined;
  }
  const params: ReportParams = {
    textDocument: { uri: document.uri.toString() },
    format,
    file: vscode.workspace.asRelativePath(document.uri, false),
    generator,
  };
  let report: ReportResult | null;
  try {
    report = await client.sendRequest<ReportResult | null>(REPORT_REQUEST, params);
  } catch (error) {
    void vscode.window.showErrorMessage(
      `The compliance report could not be made: ${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
  if (!report) {
    void vscode.window.showWarningMessage('This document has no OSAID checklist, so there is no report to export.');
    return undefined;
  }
  if (!uri) {
    const opened = await openUntitled(format === 'html' ? 'html' : 'markdown', report.text);
    void vscode.window.setStatusBarMessage(
      `The compliance report of ${params.file} is in a new editor: save it (File > Save As…) where you want it.`,
      8000,
    );
    return opened.document.uri;
  }
  try {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(report.text));
  } catch (error) {
    // A read-only place (in the browser, a workspace that cannot be written).
    void vscode.window.showErrorMessage(
      `The compliance report could not be saved to ${vscode.workspace.asRelativePath(uri, false)}: ` +
        `${error instanceof Error ? error.message : String(error)}`,
    );
    return undefined;
  }
  if (!target?.uri) {
    const open = format === 'html' ? 'Open in browser' : 'Open';
    void vscode.window
      .showInformationMessage(`Compliance report saved to ${vscode.workspace.asRelativePath(uri, false)}.`, open)
      .then((choice) => {
        if (choice === 'Open in browser') void vscode.env.openExternal(uri!);
        else if (choice) void vscode.window.showTextDocument(uri!);
      });
  }
  return uri;
}
