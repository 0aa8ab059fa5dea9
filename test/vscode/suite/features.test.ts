/// <reference types="mocha" />
/** Quick fixes, hovers, completion and outline, through VS Code's own provider commands. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  apply,
  closeAllEditors,
  codeOf,
  comments,
  exampleText,
  exampleUri,
  freshCopy,
  hoverText,
  lineOf,
  openAndDiagnose,
  pathOf,
  waitForDiagnostics,
} from './helpers';

const EXAMPLE = 'missing-data-information.osai.yaml';
const isMissing = (d: vscode.Diagnostic): boolean => codeOf(d) === 'osaid/missing';

async function codeActions(uri: vscode.Uri, range: vscode.Range): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<Array<vscode.CodeAction | vscode.Command>>(
    'vscode.executeCodeActionProvider',
    uri,
    range,
    vscode.CodeActionKind.QuickFix.value,
    10,
  );
  return (actions ?? []).filter(
    (a): a is vscode.CodeAction => 'title' in a && !('command' in a && typeof a.command === 'string'),
  );
}

describe('Quick fixes', () => {
  afterEach(closeAllEditors);

  it('offers "Add `…`" for a missing element; applying it clears that diagnostic and keeps the comments', async () => {
    const uri = await freshCopy(EXAMPLE);
    const { editor, diagnostics } = await openAndDiagnose(uri);
    const before = editor.document.getText();
    const scope = diagnostics.find((d) => isMissing(d) && pathOf(d) === 'data_information.description.scope');
    assert.ok(scope, 'data_information.description.scope is reported missing');
    const actions = await codeActions(uri, scope.range);
    const fix = actions.find((a) => a.title.startsWith('Add `data_information.description.scope`'));
    assert.ok(fix, `an "Add \`…\`" quick fix is offered; got ${JSON.stringify(actions.map((a) => a.title))}`);
    assert.equal(fix.kind?.value, 'quickfix');
    assert.equal(fix.isPreferred, true);
    await apply(fix.edit, fix.title);
    const after = await waitForDiagnostics(
      uri,
      'scope to be no longer missing',
      (ds) => !ds.some((d) => isMissing(d) && pathOf(d) === 'data_information.description.scope'),
    );
    assert.deepEqual(
      after.filter(isMissing).map(pathOf),
      [
        'data_information.training_data',
        'data_information.description.characteristics',
        'data_information.description.collection',
        'data_information.description.labeling',
        'data_information.description.processing',
      ],
      'only the fixed element stops being missing',
    );
    const text = editor.document.getText();
    assert.match(text, /\n {4}scope: TODO\n/, 'the key is inserted under description with a placeholder');
    assert.deepEqual(comments(text), comments(before), 'every comment is kept');
    assert.equal(text.replace(/\n {4}scope: TODO(?=\n)/, ''), before, 'nothing else changed');
  });

  it('"Add all missing OSAID requirements (6)" leaves no osaid/missing and keeps the comments', async () => {
    const uri = await freshCopy(EXAMPLE);
    const { editor, diagnostics } = await openAndDiagnose(uri);
    const before = editor.document.getText();
    const first = diagnostics.find(isMissing);
    assert.ok(first);
    const actions = await codeActions(uri, first.range);
    const all = actions.find((a) => a.title === 'Add all missing OSAID requirements (6)');
    assert.ok(
      all,
      `"Add all missing OSAID requirements (6)" is offered; got ${JSON.stringify(actions.map((a) => a.title))}`,
    );
    await apply(all.edit, all.title);
    const after = await waitForDiagnostics(uri, 'no osaid/missing', (ds) => ds.length > 0 && !ds.some(isMissing));
    // What was inserted is placeholders: they are the only errors left, and the requirements stay unmet until filled
    // in.
    assert.deepEqual(
      [...new Set(after.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map(codeOf))],
      ['osaid/empty'],
      'only the placeholders are errors',
    );
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    assert.deepEqual(
      lenses.map((l) => l.command?.title),
      ['✗ 6 unmet OSAID 1.0 requirements · 6 are placeholders'],
    );
    assert.deepEqual(comments(editor.document.getText()), comments(before), 'every comment is kept');
  });
});

describe('Hover, completion and outline', () => {
  afterEach(closeAllEditors);

  it('[smoke] hover on a requirement key explains what OSAID asks for', async () => {
    const uri = exampleUri(EXAMPLE);
    await openAndDiagnose(uri);
    const line = lineOf(exampleText(EXAMPLE), 'data_information:');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      new vscode.Position(line, 3),
    );
    assert.match(hoverText(hovers), /\*\*Data information\*\* — Required/);
  });

  it('hover on a license value names the license and its verdict', async () => {
    const uri = await freshCopy(EXAMPLE);
    await openAndDiagnose(uri);
    const text = exampleText(EXAMPLE);
    const line = lineOf(text, 'license: CC-BY-4.0');
    const column = text.split('\n')[line].indexOf('CC-BY') + 2;
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      new vscode.Position(line, column),
    );
    assert.match(hoverText(hovers), /Creative Commons Attribution 4\.0/);
  });

  it('completion offers the missing keys first, as snippets', async () => {
    const uri = await freshCopy(
      'completion.osai.yaml',
      'osaid: "1.0"\ndata_information:\n  description:\n    provenance: web\n    \n',
    );
    await openAndDiagnose(uri);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      uri,
      new vscode.Position(4, 4),
    );
    const label = (i: vscode.CompletionItem): string => (typeof i.label === 'string' ? i.label : i.label.label);
    // The suggest widget orders by sortText, then label.
    const shown = [...list.items].sort(
      (a, b) => (a.sortText ?? label(a)).localeCompare(b.sortText ?? label(b)) || label(a).localeCompare(label(b)),
    );
    const labels = shown.map(label);
    // Required keys in the order the format declares them.
    const keys = ['scope', 'characteristics', 'collection', 'labeling', 'processing'];
    assert.deepEqual(
      labels.filter((l) => keys.includes(l) || l === 'provenance'),
      keys,
      `the missing keys, not the present one; got ${JSON.stringify(labels.slice(0, 20))}`,
    );
    assert.deepEqual(labels.slice(0, keys.length), keys, 'the missing keys come first');
    const scope = list.items.find((i) => i.label === 'scope');
    assert.ok(scope?.insertText instanceof vscode.SnippetString, 'inserted as a snippet');
    assert.equal((scope.insertText as vscode.SnippetString).value, 'scope: ${1:TODO}');
  });

  it('completion offers license ids after `license:`', async () => {
    const uri = await freshCopy(
      'license-completion.osai.yaml',
      'osaid: "1.0"\nparameters:\n  weights:\n    location: x\n    license: \n',
    );
    await openAndDiagnose(uri);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      uri,
      new vscode.Position(4, 13),
    );
    const labels = new Set(list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label)));
    for (const id of ['Apache-2.0', 'MIT', 'CC-BY-4.0', 'CC0-1.0']) assert.ok(labels.has(id), `${id} is offered`);
    assert.ok(!labels.has('location'), 'no keys where a value goes');
  });

  it('document symbols list the sections', async () => {
    const uri = await freshCopy('llama-style.osai.yaml');
    await openAndDiagnose(uri);
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
      'vscode.executeDocumentSymbolProvider',
      uri,
    );
    assert.deepEqual(
      symbols.map((s) => s.name),
      ['osaid', 'system', 'parameters', 'code', 'data_information'],
    );
    const parameters = symbols.find((s) => s.name === 'parameters');
    assert.deepEqual(
      parameters?.children.map((s) => s.name),
      ['weights'],
    );
  });
});
