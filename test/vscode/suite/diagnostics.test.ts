/// <reference types="mocha" />
/** Opening each example manifest shows the diagnostics a user should see. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  brief,
  closeAllEditors,
  codeOf,
  exampleText,
  exampleUri,
  LANGUAGE_ID,
  lineOf,
  openAndDiagnose,
  pathOf,
} from './helpers';

const errorsOf = (ds: vscode.Diagnostic[]): vscode.Diagnostic[] =>
  ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);

describe('Diagnostics of the examples', () => {
  afterEach(closeAllEditors);

  it('olmo-7b.osai.yaml: no errors (it meets the OSAID checks)', async () => {
    const { editor, diagnostics } = await openAndDiagnose(exampleUri('olmo-7b.osai.yaml'));
    assert.equal(editor.document.languageId, LANGUAGE_ID);
    assert.deepEqual(diagnostics.map(brief), [], 'no problems at all');
  });

  it('[smoke] llama-style.osai.yaml: exactly one error, license/restricted on line 12 at `llama3`', async () => {
    const { editor, diagnostics } = await openAndDiagnose(exampleUri('llama-style.osai.yaml'));
    assert.equal(editor.document.languageId, LANGUAGE_ID);
    const errors = errorsOf(diagnostics);
    assert.deepEqual(errors.map(brief), ['error license/restricted@12']);
    assert.equal(editor.document.getText(errors[0].range), 'llama3');
    assert.match(errors[0].message, /Llama 3 Community License/);
  });

  it('missing-data-information.osai.yaml: six osaid/missing errors, on the parent keys', async () => {
    const text = exampleText('missing-data-information.osai.yaml');
    const { diagnostics } = await openAndDiagnose(exampleUri('missing-data-information.osai.yaml'));
    const errors = errorsOf(diagnostics);
    const dataLine = lineOf(text, 'data_information:') + 1;
    const descriptionLine = lineOf(text, '  description:') + 1;
    assert.deepEqual(
      errors.map((d) => `${codeOf(d)}@${d.range.start.line + 1} ${pathOf(d)}`),
      [
        `osaid/missing@${dataLine} data_information.training_data`,
        `osaid/missing@${descriptionLine} data_information.description.scope`,
        `osaid/missing@${descriptionLine} data_information.description.characteristics`,
        `osaid/missing@${descriptionLine} data_information.description.collection`,
        `osaid/missing@${descriptionLine} data_information.description.labeling`,
        `osaid/missing@${descriptionLine} data_information.description.processing`,
      ],
    );
    assert.deepEqual([dataLine, descriptionLine], [19, 21]);
  });
});
