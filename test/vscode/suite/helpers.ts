/** Helpers for the VS Code integration suite: the workspace copy, documents, waiting on diagnostics. */
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as vscode from 'vscode';
import { codeOf, osaiDiagnostics, SEVERITY_NAMES } from '../shared/diagnostics';

export { codeOf, osaiDiagnostics };

export const EXTENSION_ID = 'osai-tools.osai-manifest';
export const LANGUAGE_ID = 'osai-manifest';
/** The repository (this bundle is test/vscode/out/index.js). */
export const REPO_ROOT = resolve(__dirname, '..', '..', '..');
export const DIAGNOSTICS_TIMEOUT_MS = 20_000;
/** How many times the suite restarted the language server (the log test expects the client's note of each). */
export const restartsAsked = { count: 0 };

/** The workspace folder: a temporary copy of examples/ made by the launcher, never the repo. */
export function workspaceDir(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'VS Code was opened on a workspace folder');
  const dir = folder.uri.fsPath;
  assert.ok(
    !resolve(dir).startsWith(REPO_ROOT + '/') && resolve(dir) !== REPO_ROOT,
    `the workspace ${dir} is a copy outside the repository, so tests never modify it`,
  );
  return dir;
}

let copies = 0;
/** A fresh copy of a workspace file (so a test that edits never disturbs another). */
export async function freshCopy(name: string, text?: string): Promise<vscode.Uri> {
  const dir = workspaceDir();
  const target = vscode.Uri.file(join(dir, 'scratch', `${++copies}-${name}`));
  const content = text ?? readFileSync(join(dir, name), 'utf8');
  await vscode.workspace.fs.writeFile(target, Buffer.from(content, 'utf8'));
  return target;
}

export function exampleText(name: string): string {
  return readFileSync(join(workspaceDir(), name), 'utf8');
}

export function exampleUri(name: string): vscode.Uri {
  return vscode.Uri.file(join(workspaceDir(), name));
}

/** `severity code@line` with a 1-based line, as the Problems panel shows it. */
export function brief(d: vscode.Diagnostic): string {
  return `${SEVERITY_NAMES[d.severity]} ${codeOf(d)}@${d.range.start.line + 1}`;
}

/** The manifest path a diagnostic concerns, from the server's `data` (kept by the language client). */
export function pathOf(d: vscode.Diagnostic): string | undefined {
  return (d as vscode.Diagnostic & { data?: { path?: string } }).data?.path;
}

/**
 * Resolves once the document's OSAID diagnostics satisfy `until`, checking now and on every
 * `onDidChangeDiagnostics` for it; rejects after a timeout with what was there.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  what: string,
  until: (ds: vscode.Diagnostic[]) => boolean,
  timeoutMs = DIAGNOSTICS_TIMEOUT_MS,
): Promise<vscode.Diagnostic[]> {
  return new Promise((resolvePromise, reject) => {
    const key = uri.toString();
    const check = (): void => {
      const ds = osaiDiagnostics(uri);
      if (until(ds)) finish(() => resolvePromise(ds));
    };
    const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === key)) check();
    });
    const timer = setTimeout(
      () =>
        finish(() =>
          reject(
            new Error(
              `timed out after ${timeoutMs} ms waiting for ${what} on ${uri.path}; its ` +
                `diagnostics are: ${JSON.stringify(osaiDiagnostics(uri).map(brief))}`,
            ),
          ),
        ),
      timeoutMs,
    );
    let done = false;
    function finish(settle: () => void): void {
      if (done) return;
      done = true;
      clearTimeout(timer);
      subscription.dispose();
      settle();
    }
    check();
  });
}

/** Error lines of the language client's output channel ("OSAID Manifest"), from VS Code's logs. */
export function clientLogErrors(): string[] {
  const logsDir = process.env.OSAI_TEST_LOGS;
  if (!logsDir) return [];
  return findFiles(logsDir, (n) => /-OSAID Manifest\.log$/.test(n))
    .flatMap((f) => readFileSync(f, 'utf8').split('\n'))
    .filter((l) => /^\[Error/.test(l));
}

/** Set once the language server failed to answer at all, so later tests fail at once, not one timeout each. */
let serverDown: string | undefined;

/**
 * Opens a manifest in an editor, as a user does, and waits for the language server's first
 * diagnostics report on it (the language client reports even an empty list).
 */
export async function openAndDiagnose(
  uri: vscode.Uri,
): Promise<{ editor: vscode.TextEditor; diagnostics: vscode.Diagnostic[] }> {
  if (serverDown)
    throw new Error(`the language server is not answering (an earlier test waited in vain): ${serverDown}`);
  let reported = false;
  const key = uri.toString();
  const subscription = vscode.languages.onDidChangeDiagnostics((e) => {
    if (e.uris.some((u) => u.toString() === key)) reported = true;
  });
  try {
    const document = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    const diagnostics = await waitForDiagnostics(uri, 'the first diagnostics report', () => reported).catch(
      (error: Error) => {
        const errors = clientLogErrors();
        serverDown =
          `${error.message}` +
          `${errors.length ? `; the language client logged: ${errors.slice(0, 5).join(' | ')}` : ''}`;
        throw new Error(serverDown);
      },
    );
    return { editor, diagnostics };
  } finally {
    subscription.dispose();
  }
}

/** Applies an edit through the workspace, as a user's action would, and checks it applied. */
export async function apply(edit: vscode.WorkspaceEdit | undefined, what: string): Promise<void> {
  assert.ok(edit, `${what} has an edit`);
  assert.equal(await vscode.workspace.applyEdit(edit), true, `${what} applies`);
}

/** All comments in a YAML text, in order (for "fixes keep comments" checks). */
export function comments(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => /(^|\s)#.*$/.exec(l)?.[0].trim())
    .filter((c): c is string => !!c);
}

export function lineOf(text: string, needle: string): number {
  const line = text.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, `the text has a line with ${JSON.stringify(needle)}`);
  return line;
}

/** Plain text of hover contents. */
export function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n---\n');
}

/** Closes every editor, saving the workspace copies and reverting untitled ones, so the next test starts clean. */
export async function closeAllEditors(): Promise<void> {
  for (const document of vscode.workspace.textDocuments) {
    if (document.isDirty && !document.isUntitled) await document.save();
  }
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isUntitled && d.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Every file under `dir` whose name matches. */
export function findFiles(dir: string, match: (name: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...findFiles(path, match));
    else if (match(name)) out.push(path);
  }
  return out;
}
