/// <reference types="mocha" />
/**
 * A multi-root workspace (test/fixtures/multi-root, opened by the launcher's `multi-root` part):
 * the folder `reviewed` lists `LicenseRef-Acme-Reviewed` in `osaiManifest.licenses.treatAsOpen`
 * (its .vscode/settings.json), the folder `strict` does not, and each holds the same osai.yaml
 * with its weights under that license. Each manifest is checked with its own folder's settings.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { brief, closeAllEditors, codeOf, openAndDiagnose, waitForDiagnostics } from './helpers';

const LICENSE = 'LicenseRef-Acme-Reviewed';
const SETTING = 'licenses.treatAsOpen';
/** The unknown key both manifests have: its warning shows that the server's diagnostics came. */
const MARKER = 'schema/unknown-key';
const NOT_OPEN = 'license/not-open';

const codes = (ds: vscode.Diagnostic[]): string[] => ds.map(codeOf).sort();

function folder(name: string): vscode.WorkspaceFolder {
  const found = vscode.workspace.workspaceFolders?.find((f) => f.name === name);
  assert.ok(found, `the workspace has the folder ${name}`);
  return found;
}

describe('[multi-root] settings per workspace folder', () => {
  after(closeAllEditors);

  it('two folders with different treatAsOpen get different diagnostics for the same manifest', async () => {
    assert.deepEqual(
      vscode.workspace.workspaceFolders?.map((f) => f.name),
      ['reviewed', 'strict'],
    );
    const reviewed = vscode.Uri.joinPath(folder('reviewed').uri, 'osai.yaml');
    const strict = vscode.Uri.joinPath(folder('strict').uri, 'osai.yaml');
    // The premise: VS Code itself resolves the setting per folder.
    assert.deepEqual(vscode.workspace.getConfiguration('osaiManifest', reviewed).get(SETTING), [LICENSE]);
    assert.deepEqual(vscode.workspace.getConfiguration('osaiManifest', strict).get(SETTING), []);
    await openAndDiagnose(reviewed);
    await openAndDiagnose(strict);
    const inReviewed = await waitForDiagnostics(reviewed, `the ${MARKER} warning`, (ds) => codes(ds).includes(MARKER));
    const inStrict = await waitForDiagnostics(
      strict,
      `${NOT_OPEN} beside the ${MARKER} warning`,
      (ds) => codes(ds).includes(MARKER) && codes(ds).includes(NOT_OPEN),
    );
    assert.deepEqual(codes(inReviewed), [MARKER], `reviewed: ${JSON.stringify(inReviewed.map(brief))}`);
    assert.deepEqual(codes(inStrict), [NOT_OPEN, MARKER].sort(), `strict: ${JSON.stringify(inStrict.map(brief))}`);
  });

  it("a change to one folder's setting revalidates its manifest; removing it restores the default", async () => {
    const strictFolder = folder('strict');
    const strict = vscode.Uri.joinPath(strictFolder.uri, 'osai.yaml');
    const configuration = () => vscode.workspace.getConfiguration('osaiManifest', strictFolder.uri);
    await configuration().update(SETTING, [LICENSE], vscode.ConfigurationTarget.WorkspaceFolder);
    await waitForDiagnostics(
      strict,
      `${NOT_OPEN} gone once the folder reviewed the license`,
      (ds) => codes(ds).includes(MARKER) && !codes(ds).includes(NOT_OPEN),
    );
    // Removed from the folder's settings: the default (no entry) applies again, not the last list.
    await configuration().update(SETTING, undefined, vscode.ConfigurationTarget.WorkspaceFolder);
    await waitForDiagnostics(strict, `${NOT_OPEN} back once the setting is removed`, (ds) =>
      codes(ds).includes(NOT_OPEN),
    );
    const reviewed = vscode.Uri.joinPath(folder('reviewed').uri, 'osai.yaml');
    assert.deepEqual(codes(await waitForDiagnostics(reviewed, MARKER, (ds) => codes(ds).includes(MARKER))), [MARKER]);
  });
});
