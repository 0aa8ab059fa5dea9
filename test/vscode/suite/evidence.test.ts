/// <reference types="mocha" />
/**
 * The evidence in VS Code: examples/release (in the workspace copy of examples/, the repository
 * root then: it has no .git, so paths show from the workspace folder) — its weights' LICENSE is
 * CC BY-NC 4.0 though Apache-2.0 is declared, and ./evaluation does not exist (expected results
 * written from those files). The hover, the quick fix, and revalidation when the LICENSE changes.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import {
  brief,
  closeAllEditors,
  codeOf,
  exampleUri,
  hoverText,
  openAndDiagnose,
  waitForDiagnostics,
  workspaceDir,
} from './helpers';

const MANIFEST = 'release/osai.yaml';
const isEvidence = (d: vscode.Diagnostic): boolean => /^(?:evidence|location)\//.test(codeOf(d) ?? '');
/**
 * Hand-written from examples/release: the weights' LICENSE (line 13, the declared license) and ./evaluation (line 21).
 */
const EXPECTED = ['error evidence/license-mismatch@13', 'error location/not-found@21'];

describe("Evidence from the release's files", () => {
  afterEach(closeAllEditors);

  it(
    '[smoke] a location that does not exist and a license file that is not ' +
      'the declared license (the license index read from the installed extension)',
    async () => {
      const uri = exampleUri(MANIFEST);
      await openAndDiagnose(uri);
      const diagnostics = await waitForDiagnostics(
        uri,
        'the evidence',
        (ds) => ds.filter(isEvidence).length === EXPECTED.length,
      );
      assert.deepEqual(diagnostics.filter(isEvidence).map(brief), EXPECTED);
      const weights = diagnostics.find((d) => codeOf(d) === 'evidence/license-mismatch')!;
      assert.match(
        weights.message,
        /`\.\/release\/weights\/LICENSE` is the Creative Commons Attribution Non Commercial 4\.0 International \(`CC-BY-NC-4\.0`/,
      );
    },
  );

  it('hover on a location shows the license file found there', async () => {
    const uri = exampleUri(MANIFEST);
    await openAndDiagnose(uri);
    // Line 20: `  training: {location: ./training, license: Apache-2.0}`.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      new vscode.Position(19, 28),
    );
    assert.match(
      hoverText(hovers),
      /`\.\/release\/LICENSE` is the Apache License 2\.0 \(`Apache-2\.0`, (?:9\d|100)% match\) — agrees with the declared license/,
    );
  });

  it('the quick fix declares the license found', async () => {
    const uri = exampleUri(MANIFEST);
    await openAndDiagnose(uri);
    const diagnostics = await waitForDiagnostics(uri, 'the evidence', (ds) =>
      ds.some((d) => codeOf(d) === 'evidence/license-mismatch'),
    );
    const mismatch = diagnostics.find((d) => codeOf(d) === 'evidence/license-mismatch')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      uri,
      mismatch.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    assert.deepEqual(
      actions.filter((a) => a.title.includes('found in the release')).map((a) => a.title),
      ['Change to `CC-BY-NC-4.0` (the license found in the release)'],
    );
  });

  it("changing the weights' LICENSE on disk revalidates the manifest", async () => {
    const uri = exampleUri(MANIFEST);
    const license = join(workspaceDir(), 'release', 'weights', 'LICENSE');
    const before = readFileSync(license);
    await openAndDiagnose(uri);
    await waitForDiagnostics(uri, 'the evidence', (ds) => ds.some((d) => codeOf(d) === 'evidence/license-mismatch'));
    try {
      writeFileSync(license, readFileSync(join(workspaceDir(), 'release', 'LICENSE')));
      const after = await waitForDiagnostics(
        uri,
        'the mismatch to go once the LICENSE is Apache-2.0',
        (ds) => !ds.some((d) => codeOf(d) === 'evidence/license-mismatch'),
      );
      assert.deepEqual(after.filter(isEvidence).map(brief), ['error location/not-found@21']);
    } finally {
      writeFileSync(license, before);
    }
    await waitForDiagnostics(uri, 'the mismatch back once the LICENSE is restored', (ds) =>
      ds.some((d) => codeOf(d) === 'evidence/license-mismatch'),
    );
  });
});
