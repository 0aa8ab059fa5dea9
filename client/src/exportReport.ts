/**
 * "OSAID: Export compliance report": the active document's report as a self-contained HTML
 * or Markdown page, rendered by the server (the same code as `osai-check --report`).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { REPORT_REQUEST, ReportFormat, ReportParams, ReportResult } from '../../server/src/protocol';
import type { ChecklistView } from './checklistView';

export async function exportReport(client: LanguageClient, view: ChecklistView, generator: string, target?: { format?: ReportFormat; uri?: vscode.Uri }): Promise<vscode.Uri | undefined> {
  const checklist = await view.refresh();
  const document = vscode.window.activeTextEditor?.document;
  if (!checklist || !document) {
    void vscode.window.showWarningMessage('Open an OSAID manifest (osai.yaml) or a Model Openness Framework model file to export its compliance report.');
    return undefined;
  }
  let format = target?.format;
  if (!format) {
    const picked = await vscode.window.showQuickPick(
      [{ label: 'HTML', description: 'a self-contained page to share or print', format: 'html' as const },
        { label: 'Markdown', description: 'for a pull request or an issue', format: 'md' as const }],
      { title: 'Export compliance report', placeHolder: 'Format of the report' });
    if (!picked) return undefined;
    format = picked.format;
  }
  const base = document.uri.path.replace(/^.*\//, '').replace(/\.(osai\.)?ya?ml$/i, '');
  let uri = target?.uri;
  if (!uri) {
    const folder = vscode.workspace.getWorkspaceFolder(document.uri)?.uri ?? vscode.Uri.joinPath(document.uri, '..');
    uri = await vscode.window.showSaveDialog({
      title: 'Export compliance report',
      defaultUri: vscode.Uri.joinPath(folder, `${base || 'manifest'}-osaid-report.${format}`),
      filters: format === 'html' ? { HTML: ['html'] } : { Markdown: ['md'] },
    });
    if (!uri) return undefined;
  }
  const params: ReportParams = { textDocument: { uri: document.uri.toString() }, format, file: vscode.workspace.asRelativePath(document.uri, false), generator };
  let report: ReportResult | null;
  try {
    report = await client.sendRequest<ReportResult | null>(REPORT_REQUEST, params);
  } catch (error) {
    void vscode.window.showErrorMessage(`The compliance report could not be made: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  if (!report) {
    void vscode.window.showWarningMessage('This document has no OSAID checklist, so there is no report to export.');
    return undefined;
  }
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(report.text));
  if (!target?.uri) {
    const open = format === 'html' ? 'Open in browser' : 'Open';
    void vscode.window.showInformationMessage(`Compliance report saved to ${vscode.workspace.asRelativePath(uri, false)}.`, open).then((choice) => {
      if (choice === 'Open in browser') void vscode.env.openExternal(uri!);
      else if (choice) void vscode.window.showTextDocument(uri!);
    });
  }
  return uri;
}
