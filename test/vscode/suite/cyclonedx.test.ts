/// <reference types="mocha" />
/**
 * CycloneDX ML-BOMs in the editor: a `.cdx.json` opens as JSON and gets the findings of the
 * shipped schemas and the OSAID view. The file is test/fixtures/cyclonedx/small.cdx.json; its
 * expected findings are written by hand from it (test/aibom/cyclonedxRead.test.ts says why each).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { apply, closeAllEditors, codeOf, freshCopy, openAndDiagnose, REPO_ROOT, waitForDiagnostics } from './helpers';

const at = (d: vscode.Diagnostic): string =>
  `${codeOf(d)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;

describe('CycloneDX ML-BOMs', () => {
  afterEach(closeAllEditors);

  it('a .cdx.json (language json): schema and license findings, the verdict lens, a `licenses` quick fix', async () => {
    const text = readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'cyclonedx', 'small.cdx.json'), 'utf8');
    const uri = await freshCopy('tiny-model.cdx.json', text);
    const { editor } = await openAndDiagnose(uri);
    assert.equal(editor.document.languageId, 'json');
    const diagnostics = await waitForDiagnostics(uri, 'three findings', (ds) => ds.length === 3);
    assert.deepEqual(diagnostics.map(at).sort(), [
      // "colour" (line 40): not a property of a component in the 1.6 schema.
      'cyclonedx/schema 39:6-39:14',
      // "bare-lib" (line 29): a framework without licenses.
      'cyclonedx/unlicensed 28:14-28:24',
      // "Llama 2 Community License" (line 25), inside its quotes: a use-restricted license on code.
      'license/restricted 24:43-24:68',
    ]);
    assert.ok(diagnostics.every((d) => d.severity === vscode.DiagnosticSeverity.Error));

    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    // Three errors; no item it states is unmet; the 13 required items a BOM cannot state (the six
    // code purposes, the data information's license and its six description items) are not stated.
    assert.deepEqual(
      lenses.map((l) => l.command?.title),
      ['✗ 3 errors to fix · no unmet OSAID 1.0 requirement in what it states · 13 not stated'],
    );

    const unlicensed = diagnostics.find((d) => codeOf(d) === 'cyclonedx/unlicensed')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      unlicensed.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const skeleton = actions.find((a) => a.title === 'Insert a `licenses` skeleton');
    await apply(skeleton?.edit, 'the skeleton');
    assert.ok(
      editor.document
        .getText()
        .includes('    {\n      "licenses": [{ "license": { "name": "TODO" } }],\n      "type": "framework",'),
      'the skeleton is the component’s first property',
    );
    const after = await waitForDiagnostics(uri, 'no unlicensed component', (ds) =>
      ds.every((d) => codeOf(d) !== 'cyclonedx/unlicensed'),
    );
    // "TODO" (the inserted line 28) names no license: the component is still not shown to be open.
    assert.ok(
      after.some((d) => d.range.start.line === 27 && /^license\//.test(codeOf(d) ?? '')),
      `a license finding on the TODO name: ${after.map(at).join(', ')}`,
    );
    // Leave the copy as it was: no later test sees an edited BOM.
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
