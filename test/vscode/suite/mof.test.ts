/// <reference types="mocha" />
/** Model Openness Framework model files: recognised by content in plain YAML files. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { closeAllEditors, codeOf, freshCopy, openAndDiagnose, REPO_ROOT } from './helpers';

describe('MOF model files', () => {
  afterEach(closeAllEditors);

  it('opening a MOF file shows the class code lens and its diagnostics', async () => {
    const text = readFileSync(join(REPO_ROOT, 'examples', 'models', 'Granite-4-1.yml'), 'utf8');
    const uri = await freshCopy('Granite-4-1.yml', text);
    const { editor, diagnostics } = await openAndDiagnose(uri);
    assert.equal(editor.document.languageId, 'yaml');
    const codes = new Set(diagnostics.map(codeOf));
    assert.ok(codes.has('osaid/missing'), `the OSAID view reports what is missing; got ${[...codes].join(', ')}`);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const titles = lenses.map((l) => l.command?.title ?? '');
    // The class, then the OSAID verdict of the same release: the data card, technical report and
    // weights are there, but five of the six code components OSAID requires are not shown.
    assert.equal(titles.length, 2);
    assert.match(titles[0], /^MOF Class III — Open Model · Class II: 4 of 10 required components missing or not open/);
    assert.equal(titles[1], '✗ 5 unmet OSAID 1.0 requirements');
    assert.equal(lenses[0].range.start.line, 0);
  });

  it('a YAML file that is neither format gets no diagnostics and no lens', async () => {
    const uri = await freshCopy('settings.yml', 'name: build\non: [push]\nframework:\n  name: something else\n');
    const { editor, diagnostics } = await openAndDiagnose(uri);
    assert.equal(editor.document.languageId, 'yaml');
    assert.deepEqual(diagnostics, []);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    assert.deepEqual(
      lenses.map((l) => l.command?.title),
      [],
    );
  });
});
