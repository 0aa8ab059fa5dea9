/// <reference types="mocha" />
/** The extension under test is the one expected (development folder or installed .vsix) and it activates. */
import * as assert from 'node:assert/strict';
import { realpathSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  EXTENSION_ID,
  freshCopy,
  LANGUAGE_ID,
  openAndDiagnose,
  REPO_ROOT,
  workspaceDir,
} from './helpers';

describe('Activation', () => {
  afterEach(closeAllEditors);

  it(
    '[smoke] the extension under test is loaded from the expected place and ' + 'activates when a manifest opens',
    async () => {
      const ext = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(ext, `${EXTENSION_ID} is known to VS Code`);
      const expectedRoot = realpathSync(resolve(process.env.OSAI_TEST_EXTENSION_ROOT ?? REPO_ROOT));
      const actual = realpathSync(ext.extensionUri.fsPath);
      assert.ok(
        actual === expectedRoot || actual.startsWith(expectedRoot + sep),
        `${EXTENSION_ID} is loaded from ${actual}, expected under ${expectedRoot}`,
      );
      if (process.env.OSAI_TEST_EXTENSION_ROOT && expectedRoot !== realpathSync(REPO_ROOT)) {
        assert.notEqual(actual, realpathSync(REPO_ROOT), 'the installed copy, not the development folder');
      }
      const pkg = ext.packageJSON as { main: string; contributes: { languages: Array<{ id: string }> } };
      assert.equal(pkg.main, './client/out/extension.js');
      assert.deepEqual(
        pkg.contributes.languages.map((l) => l.id),
        ['osai-manifest'],
      );
      workspaceDir();
      assert.equal(ext.isActive, false, 'not active before a manifest is opened');
      // Opening a manifest activates it (onLanguage:osai-manifest) and starts the language server.
      const { editor } = await openAndDiagnose(await freshCopy('olmo-7b.osai.yaml'));
      assert.equal(editor.document.languageId, LANGUAGE_ID);
      assert.equal(ext.isActive, true, 'the extension is active');
      const commands = await vscode.commands.getCommands(true);
      for (const id of ['osaiManifest.newManifest', 'osaiManifest.restartServer', 'osaiManifest.showOutput']) {
        assert.ok(commands.includes(id), `command ${id} is registered`);
      }
    },
  );
});
