/// <reference types="mocha" />
/**
 * What the extension does, in the browser: the language server runs in a web worker
 * (server/out/browser-server.js) and answers as on Node. Expected results are written from the
 * example manifests (0-based lines and columns, as the API has them).
 */
import * as vscode from 'vscode';
import * as assert from './assert';
import {
  api,
  closeAllEditors,
  codeOf,
  describeDiagnostic,
  exampleUri,
  extension,
  hoverText,
  LANGUAGE_ID,
  openAndDiagnose,
  range,
  readText,
  until,
  waitForDiagnostics,
  workspaceFolder,
  writeText,
} from './helpers';

/**
 * examples/missing-data-information.osai.yaml: open code and weights; of the data information
 * only its license and `description.provenance` (line 23); no checkpoints or optimizer state.
 */
const MANIFEST = 'missing-data-information.osai.yaml';
/** Its diagnostics: on `parameters` (line 7), `data_information` (line 19), `description` (line 21, indented 2). */
const MANIFEST_DIAGNOSTICS = [
  'info osaid/recommended 6:0-6:10 parameters.checkpoints',
  'info osaid/recommended 6:0-6:10 parameters.optimizer_state',
  'error osaid/missing 18:0-18:16 data_information.training_data',
  'info osaid/recommended 18:0-18:16 data_information.documentation',
  'error osaid/missing 20:2-20:13 data_information.description.scope',
  'error osaid/missing 20:2-20:13 data_information.description.characteristics',
  'error osaid/missing 20:2-20:13 data_information.description.collection',
  'error osaid/missing 20:2-20:13 data_information.description.labeling',
  'error osaid/missing 20:2-20:13 data_information.description.processing',
];

/**
 * A new untitled manifest with this text. VS Code for the Web may give it the name of an
 * untitled document a previous test closed (`Untitled-1`) and restore that one's backup, not
 * yet discarded, instead of the text (the extension guards its own untitled editors the same
 * way, client/src/untitled.ts): the text is checked and, if need be, set.
 */
async function untitledManifest(text: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: text });
  if (document.getText() !== text) {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, document.validateRange(new vscode.Range(0, 0, document.lineCount, 0)), text);
    assert.equal(await vscode.workspace.applyEdit(edit), true, "the untitled document's text is set");
  }
  assert.equal(document.getText(), text, 'the untitled document has the text');
  return document;
}

describe('Diagnostics, quick fixes, hover, completion and code lens (server in a web worker)', () => {
  afterEach(closeAllEditors);

  it('a workspace manifest gets its diagnostics: codes, ranges and messages', async () => {
    const uri = exampleUri(MANIFEST);
    const { diagnostics } = await openAndDiagnose(uri, MANIFEST_DIAGNOSTICS);
    assert.deepEqual(diagnostics.map(describeDiagnostic), MANIFEST_DIAGNOSTICS);
    assert.equal(
      diagnostics[4].message,
      'Missing `data_information.description.scope`: what the data covers: domains, languages, time span, size.',
    );
  });

  it(
    'a quick fix on an untitled manifest adds the missing key under ' + '`description`, and its diagnostic goes',
    async () => {
      const text = await readText(exampleUri(MANIFEST));
      const document = await untitledManifest(text);
      assert.equal(document.uri.scheme, 'untitled');
      const { editor, diagnostics } = await openAndDiagnose(document, MANIFEST_DIAGNOSTICS);
      const scope = diagnostics[4];
      assert.equal(describeDiagnostic(scope), 'error osaid/missing 20:2-20:13 data_information.description.scope');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        document.uri,
        scope.range,
        vscode.CodeActionKind.QuickFix.value,
      );
      // The five keys missing under `description` share its range: a fix for each, the labeling
      // one's "does not apply" alternative, and one for all six requirements missing in the file.
      assert.deepEqual(
        actions.map((a) => a.title),
        [
          'Add `data_information.description.scope`',
          'Add `data_information.description.characteristics`',
          'Add `data_information.description.collection` (collection and selection)',
          'Add `data_information.description.labeling` (labeling procedures)',
          'Add `data_information.description.processing` (processing and filtering)',
          'State that `data_information.description.labeling` does not apply (with the reason)',
          'Add all missing OSAID requirements (6)',
        ],
      );
      const fix = actions[0];
      assert.equal(fix.isPreferred, true);
      assert.ok(fix.edit, 'the fix has an edit');
      assert.equal(await vscode.workspace.applyEdit(fix.edit), true, 'the edit applies');
      // After `provenance:` (the last line, 23), at the indentation of `description`'s keys.
      assert.equal(editor.document.getText(), `${text}    scope: TODO\n`);
      const after = await waitForDiagnostics(document.uri, 'the placeholder of scope', (ds) =>
        ds.some((d) => codeOf(d) === 'osaid/empty'),
      );
      assert.deepEqual(
        after.map(describeDiagnostic),
        [
          ...MANIFEST_DIAGNOSTICS.filter((d) => !d.endsWith(' data_information.description.scope')),
          // A placeholder leaves the requirement unmet: an error, as the missing key was.
          'error osaid/empty 23:11-23:15 data_information.description.scope',
        ],
        'scope is no longer missing: its TODO (line 24, columns 11-15) is flagged instead',
      );
    },
  );

  it('hover on a requirement key and on a license', async () => {
    const uri = exampleUri(MANIFEST);
    await openAndDiagnose(uri, MANIFEST_DIAGNOSTICS);
    const key = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      new vscode.Position(18, 3),
    );
    assert.deepEqual(
      key.map((h) => h.range && range(h.range)),
      ['18:0-18:16'],
      'the `data_information` key',
    );
    assert.deepEqual(hoverText(key).split('\n\n').slice(0, 2), [
      '**Data information** — Required by OSAID 1.0',
      'Enough information about the training data for a skilled person to build a substantially equivalent system.',
    ]);
    // `  license: CC-BY-4.0` (line 20): the value spans columns 11 to 20.
    const license = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      new vscode.Position(19, 13),
    );
    assert.deepEqual(
      license.map((h) => h.range && range(h.range)),
      ['19:11-19:20'],
    );
    assert.deepEqual(hoverText(license).split('\n\n').slice(0, 2), [
      '**Creative Commons Attribution 4.0 International** (`CC-BY-4.0`)',
      '✅ Qualifies for parameters, data information and documentation (OSD-conformant terms are required).',
    ]);
  });

  it("completion under `description` offers the missing keys, in the requirements' order", async () => {
    const text = `${await readText(exampleUri(MANIFEST))}    `;
    const document = await untitledManifest(text);
    await openAndDiagnose(document, MANIFEST_DIAGNOSTICS);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      document.uri,
      new vscode.Position(23, 4),
    );
    const ours = list.items.filter((i) => typeof i.detail === 'string' && i.detail.startsWith('Required · '));
    assert.deepEqual(
      ours.map((i) => i.label),
      ['scope', 'characteristics', 'collection', 'labeling', 'processing'],
    );
    const scope = ours[0];
    assert.equal(scope.detail, 'Required · Scope');
    assert.equal(scope.kind, vscode.CompletionItemKind.Property);
    assert.equal(
      scope.insertText instanceof vscode.SnippetString ? scope.insertText.value : scope.insertText,
      'scope: ${1:TODO}',
    );
    const at = scope.range instanceof vscode.Range ? scope.range : scope.range?.inserting;
    assert.equal(at && range(at), '23:4-23:4');
  });

  it('the verdict code lens on the first line', async () => {
    const uri = exampleUri(MANIFEST);
    await openAndDiagnose(uri, MANIFEST_DIAGNOSTICS);
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    assert.deepEqual(
      lenses.map((l) => [range(l.range), l.command?.title, l.command?.command]),
      [['0:0-0:0', '✗ 6 unmet OSAID 1.0 requirements', 'workbench.actions.view.problems']],
    );
  });

  it('a Model Openness Framework file (language yaml) in the workspace: MOF and OSAID diagnostics', async () => {
    // examples/models/Granite-4-1.yml: `components:` (line 15, indented 2) lists no code but
    // the architecture; `name: Apache-2.0` (line 20, columns 14-38 of the component's license).
    const uri = exampleUri('models/Granite-4-1.yml');
    const { editor, diagnostics } = await openAndDiagnose(uri, 6);
    assert.equal(
      editor.document.languageId,
      'yaml',
      "plain YAML: served because the workspace's scheme is in the document selector",
    );
    assert.deepEqual(
      diagnostics.map((d) => `${codeOf(d)} ${range(d.range)}`),
      [
        'osaid/missing 14:2-14:12',
        'osaid/missing 14:2-14:12',
        'osaid/missing 14:2-14:12',
        'osaid/missing 14:2-14:12',
        'osaid/missing 14:2-14:12',
        'mof/license-type 19:13-19:37',
      ],
    );
    assert.deepEqual(
      diagnostics.slice(0, 5).map((d) => /`([^`]+)`/.exec(d.message)?.[1]),
      [
        'Data preprocessing code',
        'Training code',
        'Evaluation code',
        'Inference code',
        'Supporting libraries and tools',
      ],
    );
  });

  it('a CycloneDX ML-BOM (language json): the schemas the client hands the worker, and the OSAID view', async () => {
    // boms/tiny-model.cdx.json, the launcher's copy of test/fixtures/cyclonedx/small.cdx.json: "Llama 2
    // Community License" on code (line 25, inside its quotes), "bare-lib" without licenses (line 29),
    // "colour", not a property of a component in the 1.6 schema (line 40).
    const uri = exampleUri('boms/tiny-model.cdx.json');
    const { editor, diagnostics } = await openAndDiagnose(uri, 3);
    assert.equal(editor.document.languageId, 'json');
    assert.deepEqual(diagnostics.map((d) => `${codeOf(d)} ${range(d.range)}`).sort(), [
      'cyclonedx/schema 39:6-39:14',
      'cyclonedx/unlicensed 28:14-28:24',
      'license/restricted 24:43-24:68',
    ]);
    const schema = diagnostics.find((d) => codeOf(d) === 'cyclonedx/schema')!;
    assert.match(schema.message, /`components\[4\]\.colour` is not a property the schema allows here/);
  });
});

describe("Evidence from the release's files, read through vscode.workspace.fs (server in a web worker)", () => {
  afterEach(closeAllEditors);

  /**
   * examples/release/osai.yaml, written from its files: the weights' LICENSE is CC BY-NC 4.0 (line
   * 13 declares Apache-2.0), ./evaluation does not exist (line 21); besides, no optimizer state
   * (line 10) and Common Crawl's terms (line 40), informative.
   */
  const RELEASE = [
    'info osaid/recommended 9:0-9:10 parameters.optimizer_state',
    'error evidence/license-mismatch 12:13-12:23 parameters.weights.license',
    'error location/not-found 20:25-20:37 code.evaluation.location',
    'info license/not-open 39:15-39:41 data_information.training_data[0].license',
  ];

  it('the same evidence as on the desktop, in a virtual workspace', async () => {
    const uri = exampleUri('release/osai.yaml');
    const { diagnostics } = await openAndDiagnose(uri, RELEASE);
    assert.deepEqual(diagnostics.map(describeDiagnostic), RELEASE);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      uri,
      new vscode.Position(11, 16),
    );
    assert.match(
      hoverText(hovers),
      /`\.\/release\/weights\/LICENSE` is the Creative Commons Attribution Non Commercial 4\.0 International/,
    );
  });
});

describe('Checklist view, report, commands (browser)', () => {
  afterEach(closeAllEditors);

  it(
    "the OSAID Checklist view lists the manifest's requirements item by " + 'item, and the status bar counts them',
    async () => {
      await openAndDiagnose(exampleUri(MANIFEST), MANIFEST_DIAGNOSTICS);
      const view = (await api()).checklist;
      // The view also refreshes on its own when the active editor changes; a refresh that a newer
      // one overtakes answers before the view has the checklist: refresh until it has one.
      await until('the checklist of the manifest', async () => {
        await view.refresh();
        return view.getChildren().length > 0;
      });
      const rows = view.getChildren().map((g) => {
        const group = view.getTreeItem(g);
        return `${String(group.label)} (${String(group.description)}): ${view
          .getChildren(g)
          .map((i) => `${String(view.getTreeItem(i).label)}=${String(view.getTreeItem(i).description)}`)
          .join(', ')}`;
      });
      assert.deepEqual(rows, [
        'Data information (2 of 8 met): Data information license=met, ' +
          'Provenance=met, Scope=missing, Characteristics=missing, ' +
          'Collection and selection=missing, Labeling procedures=missing, ' +
          'Processing and filtering=missing, Training data listing=missing, Data ' +
          'documentation=recommended',
        'Code (6 of 6 met): Data processing code=met, Training code=met, ' +
          'Evaluation code=met, Inference code=met, Model architecture code=met, ' +
          'Supporting libraries=met',
        'Parameters (1 of 1 met): Model weights=met, Intermediate checkpoints=recommended, Optimizer state=recommended',
      ]);
      assert.equal(view.statusBarText, '$(error) OSAID: 6 unmet');
    },
  );

  it('"Export AI-BOM" opens the CycloneDX BOM in a new editor', async () => {
    await openAndDiagnose(exampleUri(MANIFEST), MANIFEST_DIAGNOSTICS);
    const bomUri = await vscode.commands.executeCommand<vscode.Uri | undefined>(
      'osaiManifest.exportAiBom',
      'cyclonedx-1.7',
    );
    assert.ok(bomUri, 'the command answers with the new document');
    assert.equal(bomUri.scheme, 'untitled', 'a new untitled editor, not a file');
    const text = vscode.workspace.textDocuments.find((d) => d.uri.toString() === bomUri.toString())?.getText() ?? '';
    const bom = JSON.parse(text) as {
      bomFormat: string;
      specVersion: string;
      metadata: { component: { type: string } };
    };
    assert.deepEqual(
      [bom.bomFormat, bom.specVersion, bom.metadata.component.type],
      ['CycloneDX', '1.7', 'machine-learning-model'],
    );
  });

  it('"Export compliance report" opens the report in a new editor (Markdown, then HTML)', async () => {
    const { editor: manifest } = await openAndDiagnose(exampleUri(MANIFEST), MANIFEST_DIAGNOSTICS);
    const version = String((extension().packageJSON as { version: string }).version);
    const md = await vscode.commands.executeCommand<vscode.Uri | undefined>('osaiManifest.exportReport', 'md');
    assert.ok(md, 'the command answers with the new document');
    assert.equal(md.scheme, 'untitled', 'a new untitled editor, not a file');
    const report = vscode.window.activeTextEditor?.document;
    assert.ok(report, 'an editor is active');
    assert.equal(report.uri.toString(), md.toString(), 'the report is the active editor');
    assert.equal(report.languageId, 'markdown');
    const lines = report.getText().split('\n');
    assert.equal(lines[0], '# OSAID compliance report');
    assert.ok(
      /^Generated \d{4}-\d\d-\d\d \d\d:\d\d UTC by OSAID Manifest for VS Code for the Web (\S+), against/.exec(
        lines[2],
      )?.[1] === version,
      `the generator line names VS Code for the Web ${version}: ${lines[2]}`,
    );
    for (const line of [
      `| \`${MANIFEST}\` | OSAID manifest | ✗ 6 unmet OSAID 1.0 requirements | — |`,
      `## \`${MANIFEST}\``,
      '**Verdict:** ✗ 6 unmet OSAID 1.0 requirements',
      '| Data information | Scope | ✗ missing | Missing ' +
        '`data_information.description.scope`: what the data covers: domains, ' +
        'languages, time span, size. |',
      '| Parameters | Model weights | ✓ met | The final model weights and ' +
        'configuration, with their location and license. |',
    ])
      assert.ok(lines.includes(line), `the report has the line ${line}`);

    await vscode.window.showTextDocument(manifest.document);
    const html = await vscode.commands.executeCommand<vscode.Uri | undefined>('osaiManifest.exportReport', 'html');
    const page = vscode.window.activeTextEditor?.document;
    assert.ok(html && page && page.uri.toString() === html.toString() && page.isUntitled, 'a second untitled editor');
    assert.equal(page.languageId, 'html');
    assert.equal(page.getText().slice(0, 15), '<!DOCTYPE html>');
    assert.ok(page.getText().includes('6 unmet OSAID 1.0 requirements'), 'the verdict is in the page');
  });

  it('"New manifest" opens an untitled manifest whose only problems are its placeholders', async () => {
    await vscode.commands.executeCommand('osaiManifest.newManifest');
    const document = vscode.window.activeTextEditor?.document;
    assert.ok(document, 'an editor is open');
    assert.equal(document.isUntitled, true);
    assert.equal(document.languageId, LANGUAGE_ID);
    assert.equal(
      document.lineAt(0).text,
      '# Open Source AI release manifest, checked against the Open Source AI Definition 1.0.',
    );
    const todos = document
      .getText()
      .split('\n')
      .filter((l) => /:\s*TODO\s*$/.test(l)).length;
    const diagnostics = await waitForDiagnostics(
      document.uri,
      'one warning per TODO',
      (ds) => ds.filter((d) => codeOf(d) === 'osaid/empty').length === todos,
    );
    assert.deepEqual(
      [...new Set(diagnostics.filter((d) => d.severity !== vscode.DiagnosticSeverity.Information).map(codeOf))],
      ['osaid/empty'],
    );
  });

  it(
    '"Create osai.yaml from this card" writes the manifest beside a ' + 'workspace card (vscode.workspace.fs)',
    async () => {
      const card = vscode.Uri.joinPath(workspaceFolder(), 'web-card', 'README.md');
      await writeText(card, '---\nlicense: mit\npipeline_tag: text-generation\n---\n\n# A model\n');
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(card));
      const created = await vscode.commands.executeCommand<vscode.Uri | undefined>(
        'osaiManifest.createManifestFromCard',
        card.toString(),
      );
      const target = vscode.Uri.joinPath(workspaceFolder(), 'web-card', 'osai.yaml');
      assert.equal(created?.toString(), target.toString(), 'osai.yaml beside the card');
      const written = await readText(target);
      assert.equal(vscode.window.activeTextEditor?.document.getText(), written, 'the new manifest is open');
      assert.ok(
        written.split('\n').includes("    license: MIT # from the card's license: mit"),
        `the card's license, as an SPDX id:\n${written}`,
      );
    },
  );

  it('"Restart language server" starts a new worker, which serves as before', async () => {
    await vscode.commands.executeCommand('osaiManifest.restartServer');
    const document = await untitledManifest(await readText(exampleUri(MANIFEST)));
    const { diagnostics } = await openAndDiagnose(document, MANIFEST_DIAGNOSTICS);
    assert.deepEqual(diagnostics.map(describeDiagnostic), MANIFEST_DIAGNOSTICS);
  });
});
