/**
 * Helpers for the web suite: the workspace folder (served by VS Code's server over its remote
 * file system: `vscode-remote:` URIs), reading it through `vscode.workspace.fs` (there is no
 * `fs` in the web worker extension host), waiting on diagnostics, the extension's API.
 */
import * as vscode from 'vscode';
import { codeOf, osaiDiagnostics, SEVERITY_NAMES } from '../shared/diagnostics';
import * as assert from './assert';

export { codeOf, osaiDiagnostics };

export const EXTENSION_ID = 'osai-tools.osai-manifest';
export const LANGUAGE_ID = 'osai-manifest';
export const DIAGNOSTICS_TIMEOUT_MS = 20_000;

export interface TreeNode {
  group?: { id: string };
  item?: { id: string };
}
export interface ExtensionApi {
  platform: 'node' | 'web';
  checklist: {
    refresh(): Promise<unknown>;
    getChildren(node?: TreeNode): TreeNode[];
    getTreeItem(node: TreeNode): vscode.TreeItem;
    statusBarText: string | undefined;
  };
}

export function extension(): vscode.Extension<ExtensionApi> {
  const ext = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(ext, `${EXTENSION_ID} is known to VS Code`);
  return ext;
}

export async function api(): Promise<ExtensionApi> {
  const ext = extension();
  return ext.isActive ? ext.exports : ext.activate();
}

/** The workspace folder: a copy of examples/ made by the launcher. */
export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'VS Code was opened on a workspace folder');
  return folder.uri;
}

export function exampleUri(name: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceFolder(), ...name.split('/'));
}

export async function readText(uri: vscode.Uri): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
}

export async function writeText(uri: vscode.Uri, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
}

/** `severity code line:col-line:col path` (0-based, as the API has them), to compare whole lists at once. */
export function describeDiagnostic(d: vscode.Diagnostic): string {
  const path = (d as vscode.Diagnostic & { data?: { path?: string } }).data?.path;
  return `${SEVERITY_NAMES[d.severity]} ${codeOf(d)} ${range(d.range)}${path ? ` ${path}` : ''}`;
}

export function range(r: vscode.Range): string {
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;
}

/** Resolves once the document's OSAID diagnostics satisfy `until`; rejects after a timeout with what was there. */
export function waitForDiagnostics(
  uri: vscode.Uri,
  what: string,
  until: (ds: vscode.Diagnostic[]) => boolean,
  timeoutMs = DIAGNOSTICS_TIMEOUT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const key = uri.toString();
    let done = false;
    const finish = (settle: () => void): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      subscription.dispose();
      settle();
    };
    const check = (): void => {
      const ds = osaiDiagnostics(uri);
      if (until(ds)) finish(() => resolve(ds));
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key)) check();
    });
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new Error(
              `timed out after ${timeoutMs} ms waiting for ${what} on ${key}; its diagnostics ` +
                `are: ${JSON.stringify(osaiDiagnostics(uri).map(describeDiagnostic))}`,
            ),
          ),
        ),
      timeoutMs,
    );
    check();
  });
}

/**
 * Opens a document in an editor and waits until the server has published the `expected`
 * diagnostics for it (as `describeDiagnostic` writes them), or that many. For none, until a
 * report arrives at all (the language client reports an empty list too): no diagnostics before
 * the extension has even started prove nothing.
 */
export async function openAndDiagnose(
  document: vscode.TextDocument | vscode.Uri,
  expected: number | readonly string[],
): Promise<{ editor: vscode.TextEditor; diagnostics: vscode.Diagnostic[] }> {
  const count = typeof expected === 'number' ? expected : expected.length;
  const matches = (ds: vscode.Diagnostic[]): boolean =>
    typeof expected === 'number'
      ? ds.length === expected
      : JSON.stringify(ds.map(describeDiagnostic)) === JSON.stringify(expected);
  const key = (document instanceof vscode.Uri ? document : document.uri).toString();
  let reported = false;
  const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
    if (e.uris.some((u) => u.toString() === key)) reported = true;
  });
  try {
    const opened = document instanceof vscode.Uri ? await vscode.workspace.openTextDocument(document) : document;
    const editor = await vscode.window.showTextDocument(opened, { preview: false });
    const diagnostics = await waitForDiagnostics(
      opened.uri,
      count === 0 ? 'a report with no diagnostics' : `the ${count} diagnostics expected`,
      (ds) => matches(ds) && (count > 0 || reported),
    );
    return { editor, diagnostics };
  } finally {
    subscription.dispose();
  }
}

/** Closes every editor, reverting untitled and changed ones, so the next test starts clean. */
export async function closeAllEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  // Untitled documents go once VS Code has disposed of them; until then a new untitled
  // document may be handed the same name (`Untitled-1`) and the extension host the old text.
  for (let i = 0; i < 100 && vscode.workspace.textDocuments.some((d) => d.isUntitled); i++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Resolves once `done` answers true (asked every 50 ms); the limit only stops a hang. */
export async function until(what: string, done: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  let expired = false;
  const limit = setTimeout(() => {
    expired = true;
  }, timeoutMs);
  try {
    while (!(await done())) {
      if (expired) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  } finally {
    clearTimeout(limit);
  }
}

/** Plain text of hover contents. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n---\n');
}
