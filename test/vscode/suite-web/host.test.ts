/// <reference types="mocha" />
/**
 * Where the suite runs: the browser's web worker extension host (VS Code for the Web), with the
 * extension's browser bundle — not the Node extension host the main suite uses.
 */
import * as vscode from 'vscode';
import * as assert from './assert';
import { api, closeAllEditors, exampleUri, extension, LANGUAGE_ID, openAndDiagnose } from './helpers';

describe('VS Code for the Web', () => {
  afterEach(closeAllEditors);

  it('the suite runs in a web worker, not in Node', () => {
    const scope = globalThis as {
      WorkerGlobalScope?: abstract new () => unknown;
      self?: unknown;
      process?: { versions?: { node?: string } };
    };
    assert.equal(typeof scope.WorkerGlobalScope, 'function', 'WorkerGlobalScope is defined (a worker)');
    assert.ok(scope.self instanceof scope.WorkerGlobalScope!, "the global scope is a worker's");
    assert.equal(scope.process?.versions?.node, undefined, 'no Node');
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web, 'the web workbench');
  });

  it(
    'the extension under test is the browser-only copy, and opening a ' +
      'manifest activates it with the browser client',
    async () => {
      const ext = extension();
      const pkg = ext.packageJSON as { main?: string; browser?: string };
      assert.deepEqual(
        { main: pkg.main, browser: pkg.browser },
        { main: undefined, browser: './client/out/browser.js' },
        'a package.json with `browser` and no `main` (else VS Code would run it in the Node host)',
      );
      assert.equal(ext.extensionKind, vscode.ExtensionKind.UI, "in the browser's (UI) extension host");
      const { editor } = await openAndDiagnose(exampleUri('olmo-7b.osai.yaml'), 0);
      assert.equal(editor.document.languageId, LANGUAGE_ID);
      assert.equal(
        editor.document.uri.scheme,
        'vscode-remote',
        "a workspace file, served by the server's remote file system",
      );
      assert.equal(ext.isActive, true, 'the extension is active');
      assert.equal((await api()).platform, 'web', 'activated through client/out/browser.js (browserExtension.ts)');
      const commands = await vscode.commands.getCommands(true);
      for (const id of [
        'osaiManifest.newManifest',
        'osaiManifest.restartServer',
        'osaiManifest.showOutput',
        'osaiManifest.refreshChecklist',
        'osaiManifest.exportReport',
        'osaiManifest.createManifestFromCard',
      ]) {
        assert.ok(commands.includes(id), `command ${id} is registered`);
      }
    },
  );
});
