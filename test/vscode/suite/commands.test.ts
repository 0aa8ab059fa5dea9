/// <reference types="mocha" />
/** Language association and the "OSAID: New manifest" command. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  closeAllEditors,
  codeOf,
  exampleText,
  freshCopy,
  LANGUAGE_ID,
  waitForDiagnostics,
  workspaceDir,
} from './helpers';
import { join } from 'node:path';

describe('Language and commands', () => {
  afterEach(closeAllEditors);

  it('osai.yaml and *.osai.yaml are osai-manifest documents; other YAML is not', async () => {
    const text = exampleText('olmo-7b.osai.yaml');
    const named = async (relative: string): Promise<string> => {
      const uri = vscode.Uri.file(join(workspaceDir(), 'names', relative));
      await vscode.workspace.fs.writeFile(uri, Buffer.from(text, 'utf8'));
      return (await vscode.workspace.openTextDocument(uri)).languageId;
    };
    assert.equal(await named('a/osai.yaml'), LANGUAGE_ID);
    assert.equal(await named('b/release.osai.yaml'), LANGUAGE_ID);
    assert.equal(await named('c/osai.yml'), LANGUAGE_ID);
    assert.equal(await named('d/release.osai.yml'), LANGUAGE_ID);
    assert.notEqual(await named('e/release.yaml'), LANGUAGE_ID);
    assert.notEqual(await named('f/osai.yaml.txt'), LANGUAGE_ID);
    const copy = await freshCopy('olmo-7b.osai.yaml');
    assert.equal((await vscode.workspace.openTextDocument(copy)).languageId, LANGUAGE_ID);
  });

  it(
    '"OSAID: New manifest" opens a skeleton whose only problems are ' + 'placeholders, and whose verdict is not met',
    async () => {
      let opened: vscode.TextDocument | undefined;
      const sub = vscode.workspace.onDidOpenTextDocument((d) => {
        if (d.isUntitled && d.languageId === LANGUAGE_ID) opened = d;
      });
      try {
        await vscode.commands.executeCommand('osaiManifest.newManifest');
      } finally {
        sub.dispose();
      }
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor, 'an editor is open');
      assert.equal(editor.document, opened, 'the command opened a new untitled manifest');
      assert.equal(editor.document.languageId, LANGUAGE_ID);
      assert.ok(editor.document.getText().startsWith('# Open Source AI release manifest'), 'with the header comment');
      const diagnostics = await waitForDiagnostics(editor.document.uri, 'the placeholder warnings', (ds) =>
        ds.some((d) => codeOf(d) === 'osaid/empty'),
      );
      const bySeverity = (s: vscode.DiagnosticSeverity): vscode.Diagnostic[] =>
        diagnostics.filter((d) => d.severity === s);
      const problems = [
        ...bySeverity(vscode.DiagnosticSeverity.Error),
        ...bySeverity(vscode.DiagnosticSeverity.Warning),
      ];
      assert.deepEqual([...new Set(problems.map(codeOf))], ['osaid/empty'], 'every problem is a placeholder');
      const todos = editor.document
        .getText()
        .split('\n')
        .filter((l) => /:\s*TODO\s*$/.test(l)).length;
      assert.equal(problems.length, todos, 'one per TODO');
      // A placeholder leaves its requirement unmet (an error), but for the recommended checkpoints, optimizer state and
      // documentation.
      assert.equal(
        bySeverity(vscode.DiagnosticSeverity.Warning).length,
        6,
        "the recommended elements' placeholders are warnings",
      );
      assert.ok(
        diagnostics.every((d) => d.severity !== vscode.DiagnosticSeverity.Hint),
        'nothing else but information',
      );
      const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>(
        'vscode.executeCodeLensProvider',
        editor.document.uri,
      );
      assert.deepEqual(
        lenses.map((l) => l.command?.title),
        ['✗ 15 unmet OSAID 1.0 requirements · 15 are placeholders'],
      );
    },
  );
});
