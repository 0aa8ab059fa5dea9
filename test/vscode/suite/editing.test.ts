/// <reference types="mocha" />
/** Typing: an edit that deletes a required key makes its diagnostic appear; undo makes it go. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  apply,
  closeAllEditors,
  codeOf,
  freshCopy,
  lineOf,
  openAndDiagnose,
  pathOf,
  waitForDiagnostics,
} from './helpers';

const isScopeMissing = (d: vscode.Diagnostic): boolean =>
  codeOf(d) === 'osaid/missing' && pathOf(d) === 'data_information.description.scope';

describe('Editing', () => {
  afterEach(closeAllEditors);

  it('deleting a required key reports it missing on its parent; undo clears it', async () => {
    const uri = await freshCopy('olmo-7b.osai.yaml');
    const { editor, diagnostics } = await openAndDiagnose(uri);
    assert.deepEqual(diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map(codeOf), []);
    const original = editor.document.getText();
    const scopeLine = lineOf(original, '    scope:');
    const descriptionLine = lineOf(original, '  description:');

    const edit = new vscode.WorkspaceEdit();
    edit.delete(uri, new vscode.Range(scopeLine, 0, scopeLine + 1, 0));
    await apply(edit, 'deleting `scope:`');
    const broken = await waitForDiagnostics(uri, 'scope to be reported missing', (ds) => ds.some(isScopeMissing));
    const missing = broken.filter((d) => codeOf(d) === 'osaid/missing');
    assert.equal(missing.length, 1, 'exactly one osaid/missing');
    assert.equal(missing[0].severity, vscode.DiagnosticSeverity.Error);
    assert.equal(missing[0].range.start.line, descriptionLine, 'reported on `description:`');

    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    const fixed = await waitForDiagnostics(uri, 'scope to be no longer missing', (ds) => !ds.some(isScopeMissing));
    assert.equal(editor.document.getText(), original, 'undo restored the text');
    assert.deepEqual(fixed.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map(codeOf), []);
  });
});
