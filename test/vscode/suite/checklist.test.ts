/// <reference types="mocha" />
/** The OSAID Checklist view and the status bar verdict, fed by the server's osai/checklist. */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { closeAllEditors, EXTENSION_ID, exampleText, exampleUri, lineOf, openAndDiagnose } from './helpers';

interface TreeNode {
  group?: { id: string; title: string };
  item?: { id: string; status: string };
}
interface ChecklistApi {
  refresh(): Promise<unknown>;
  getChildren(node?: TreeNode): TreeNode[];
  getTreeItem(node: TreeNode): vscode.TreeItem;
  statusBarText: string | undefined;
}

async function checklistApi(): Promise<ChecklistApi> {
  const extension = vscode.extensions.getExtension<{ checklist: ChecklistApi }>(EXTENSION_ID);
  assert.ok(extension, 'the extension is installed');
  const api = extension.isActive ? extension.exports : await extension.activate();
  return api.checklist;
}

/** `Group: item=status …` lines, read through the tree provider as the view renders them. */
function rows(view: ChecklistApi): string[] {
  return view.getChildren().map((g) => {
    const group = view.getTreeItem(g);
    const items = view.getChildren(g).map((i) => `${view.getTreeItem(i).label}=${view.getTreeItem(i).description}`);
    return `${group.label} (${group.description}): ${items.join(', ')}`;
  });
}

describe('OSAID Checklist view and status bar', () => {
  afterEach(closeAllEditors);

  it('a complete manifest: every requirement met, the status bar says so', async () => {
    await openAndDiagnose(exampleUri('olmo-7b.osai.yaml'));
    const view = await checklistApi();
    await view.refresh();
    assert.deepEqual(
      rows(view).map((r) => r.split(':')[0]),
      ['Data information (8 of 8 met)', 'Code (6 of 6 met)', 'Parameters (1 of 1 met)'],
    );
    assert.ok(
      rows(view).every((r) => !/=(missing|not open|placeholder|invalid)/.test(r)),
      rows(view).join('\n'),
    );
    assert.equal(view.statusBarText, '$(pass) OSAID');
  });

  it('a real release (Grok-1): the lens, the status bar and the tree state the same count', async () => {
    // Weights, inference and architecture code released; the data information (8 items), the
    // data processing, training and evaluation code and the supporting libraries are not: 12.
    const uri = exampleUri('releases/grok-1.osai.yaml');
    await openAndDiagnose(uri);
    const view = await checklistApi();
    await view.refresh();
    assert.equal(view.statusBarText, '$(error) OSAID: 12 unmet');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    assert.deepEqual(
      lenses.map((l) => l.command?.title),
      ['✗ 12 unmet OSAID 1.0 requirements'],
    );
    assert.deepEqual(
      rows(view).map((r) => r.split(':')[0]),
      ['Data information (0 of 8 met)', 'Code (2 of 6 met)', 'Parameters (1 of 1 met)'],
    );
  });

  it('an incomplete manifest: the missing data information item by item, and clicking one reveals it', async () => {
    const name = 'missing-data-information.osai.yaml';
    await openAndDiagnose(exampleUri(name));
    const view = await checklistApi();
    await view.refresh();
    const data = rows(view)[0];
    assert.equal(
      data,
      'Data information (2 of 8 met): Data information license=met, ' +
        'Provenance=met, Scope=missing, Characteristics=missing, ' +
        'Collection and selection=missing, Labeling procedures=missing, ' +
        'Processing and filtering=missing, Training data listing=missing, Data ' +
        'documentation=recommended',
    );
    assert.equal(view.statusBarText, '$(error) OSAID: 6 unmet');
    const scope = view.getChildren(view.getChildren()[0])[2];
    const command = view.getTreeItem(scope).command;
    assert.ok(command, 'an item has a reveal command');
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.equal(
      editor.selection.active.line,
      lineOf(exampleText(name), '  description:'),
      'the parent key of the missing item is revealed',
    );
  });

  it('a Llama-style manifest: the weights are not open', async () => {
    await openAndDiagnose(exampleUri('llama-style.osai.yaml'));
    const view = await checklistApi();
    await view.refresh();
    assert.equal(rows(view)[2].split(': ')[1].split(', ')[0], 'Model weights=not open');
    assert.equal(view.statusBarText, '$(error) OSAID: 1 unmet');
  });
});

describe('Export compliance report', () => {
  afterEach(closeAllEditors);

  it('writes a self-contained HTML page with the checklist of the active manifest', async () => {
    await openAndDiagnose(exampleUri('missing-data-information.osai.yaml'));
    const target = vscode.Uri.joinPath(exampleUri('olmo-7b.osai.yaml'), '..', 'scratch', 'report.html');
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>(
      'osaiManifest.exportReport',
      'html',
      target,
    );
    assert.equal(written?.toString(), target.toString());
    const html = Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8');
    assert.match(html, /^<!DOCTYPE html>/i);
    assert.match(html, /OSAID Manifest for VS Code \d+\.\d+\.\d+/);
    assert.match(html, /6 unmet OSAID 1\.0 requirements/);
    assert.match(html, /Labeling procedures/);
    assert.doesNotMatch(html, /<script|<link /i, 'self-contained: no scripts, no external stylesheets');
  });

  it('writes Markdown too', async () => {
    await openAndDiagnose(exampleUri('llama-style.osai.yaml'));
    const target = vscode.Uri.joinPath(exampleUri('olmo-7b.osai.yaml'), '..', 'scratch', 'report.md');
    await vscode.commands.executeCommand('osaiManifest.exportReport', 'md', target);
    const md = Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8');
    assert.match(md, /^# OSAID compliance report/);
    assert.match(md, /Model weights/);
  });
});

describe('Export AI-BOM', () => {
  afterEach(closeAllEditors);

  it('[smoke] writes the active manifest as a CycloneDX ML-BOM, with its verdict', async () => {
    await openAndDiagnose(exampleUri('olmo-7b.osai.yaml'));
    const target = vscode.Uri.joinPath(exampleUri('olmo-7b.osai.yaml'), '..', 'scratch', 'olmo-7b.cdx.json');
    const written = await vscode.commands.executeCommand<vscode.Uri | undefined>(
      'osaiManifest.exportAiBom',
      'cyclonedx-1.6',
      target,
    );
    assert.equal(written?.toString(), target.toString());
    const bom = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8'));
    // Hand-written from examples/olmo-7b.osai.yaml: the weights (Apache-2.0) are the model; it meets the checks.
    assert.equal(bom.bomFormat, 'CycloneDX');
    assert.equal(bom.specVersion, '1.6');
    assert.equal(bom.metadata.component.type, 'machine-learning-model');
    assert.equal(bom.metadata.component.name, 'OLMo-7B');
    assert.deepEqual(bom.metadata.component.licenses, [{ expression: 'Apache-2.0', acknowledgement: 'declared' }]);
    assert.equal(bom.metadata.tools.components[0].name, 'OSAID Manifest for VS Code');
    assert.equal(
      bom.metadata.properties.find((p: { name: string }) => p.name === 'osai-manifest:osaid:state').value,
      'meets',
    );
  });

  it('writes SPDX 3.0.1 too', async () => {
    await openAndDiagnose(exampleUri('olmo-7b.osai.yaml'));
    const target = vscode.Uri.joinPath(exampleUri('olmo-7b.osai.yaml'), '..', 'scratch', 'olmo-7b.spdx3.json');
    await vscode.commands.executeCommand('osaiManifest.exportAiBom', 'spdx3', target);
    const document = JSON.parse(Buffer.from(await vscode.workspace.fs.readFile(target)).toString('utf8'));
    assert.equal(document['@context'], 'https://spdx.org/rdf/3.0.1/spdx-context.jsonld');
    const model = document['@graph'].find((e: { type: string }) => e.type === 'ai_AIPackage');
    assert.equal(model.name, 'OLMo-7B', 'the final weights are the AI package');
  });
});
