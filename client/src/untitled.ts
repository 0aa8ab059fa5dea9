/**
 * A new untitled editor with the given text ("New manifest", a report in the browser).
 */
import * as vscode from 'vscode';

/**
 * Opens `content` in a new untitled editor. VS Code may hand a new untitled document the name of
 * one just closed (`Untitled-1`) and, when that one's backup had not been discarded yet (seen in
 * VS Code for the Web, which keeps backups in the browser), restore the old text instead of
 * `content`: the text is checked and, if need be, replaced.
 */
export async function openUntitled(language: string, content: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument({ language, content });
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  if (document.getText() !== content) {
    const all = new vscode.Range(0, 0, document.lineCount, 0);
    await editor.edit((builder) => builder.replace(document.validateRange(all), content));
  }
  return editor;
}
