/// <reference types="mocha" />
/** Hugging Face model cards: "Create osai.yaml from this card" — the source action and the command. */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import {
  brief,
  closeAllEditors,
  codeOf,
  freshCopy,
  LANGUAGE_ID,
  openAndDiagnose,
  REPO_ROOT,
  waitForDiagnostics,
} from './helpers';

const TITLE = 'Create osai.yaml from this card';
const COMMAND = 'osaiManifest.createManifestFromCard';

/**
 * The example card (a Zephyr-style fine-tune: MIT, two Hub datasets, a base model), or a stand-in while it is not
 * there.
 */
function exampleCard(): string {
  const example = join(REPO_ROOT, 'examples', 'cards', 'model', 'README.md');
  return existsSync(example)
    ? readFileSync(example, 'utf8')
    : [
        '---',
        'license: mit',
        'datasets:',
        '- HuggingFaceH4/ultrachat_200k',
        '- HuggingFaceH4/ultrafeedback_binarized',
        'base_model: mistralai/Mistral-7B-v0.1',
        '---',
        '',
        '# Model Card for Zephyr 7B β',
        '',
      ].join('\n');
}

/**
 * The server's lenses of a card, once it has read it. A card without findings gets no
 * diagnostics of ours, and VS Code's Markdown features may report for it first: the lenses say
 * when our server has the document.
 */
async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  for (let i = 0; i < 100; i++) {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const titles = lenses
      .map((l) => l.command?.title ?? '')
      .filter((t) => t.startsWith('OSAID') || /OSAID 1\.0/.test(t));
    if (titles.length > 0) return titles;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no lens from the OSAID server for ${uri.toString()}`);
}

function besides(card: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(card, '..', 'osai.yaml');
}

describe('Model cards: Create osai.yaml from this card', () => {
  afterEach(closeAllEditors);

  it(
    'the source action creates osai.yaml beside the card, opens it, and its ' + 'diagnostics are the to-do list',
    async () => {
      const card = await freshCopy('zephyr/README.md', exampleCard());
      const { editor } = await openAndDiagnose(card);
      assert.equal(editor.document.languageId, 'markdown');
      // What the card states and what it cannot (MIT weights, two datasets; no code, no data description).
      assert.deepEqual(await lensTitles(card), [
        'OSAID: weights ✓ mit · 2 datasets listed · code, data description not stated in the card',
        '○ No unmet OSAID 1.0 requirement in what it states · 13 not stated',
      ]);

      // Asked again until the source action is there (at most 50 times): once in a CI run the first
      // request, right after the lens, came back empty from VS Code (no action at all, not even another title).
      let actions: vscode.CodeAction[] = [];
      for (let attempt = 0; attempt < 50; attempt++, await new Promise((r) => setTimeout(r, 100))) {
        actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider',
          card,
          new vscode.Range(0, 0, 0, 0),
          vscode.CodeActionKind.Source.value,
        );
        if (actions.some((a) => a.title === TITLE)) break;
      }
      const create = actions.filter((a) => a.title === TITLE);
      assert.equal(
        create.length,
        1,
        `one "${TITLE}" source action; got ${JSON.stringify(actions.map((a) => a.title))}`,
      );
      assert.ok(create[0].kind && vscode.CodeActionKind.Source.contains(create[0].kind), 'of a source kind');
      const quickFixes = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        card,
        new vscode.Range(0, 0, 0, 0),
        vscode.CodeActionKind.QuickFix.value,
      );
      assert.ok(!quickFixes.some((a) => a.title === TITLE), 'not offered as a quick fix');
      const command = create[0].command;
      assert.ok(command, 'the action runs a command');
      assert.equal(command.command, COMMAND);
      assert.deepEqual(command.arguments, [card.toString()]);

      const target = besides(card);
      assert.ok(!existsSync(target.fsPath), 'no osai.yaml yet');
      const created = await vscode.commands.executeCommand<vscode.Uri | undefined>(
        command.command,
        ...(command.arguments ?? []),
      );
      assert.equal(created?.toString(), target.toString(), 'the command answers with the new file');
      assert.ok(existsSync(target.fsPath), 'osai.yaml is written beside the card');

      const active = vscode.window.activeTextEditor;
      assert.equal(active?.document.uri.toString(), target.toString(), 'the new manifest is opened');
      assert.equal(active.document.languageId, LANGUAGE_ID);
      const text = active.document.getText();
      assert.equal(text, readFileSync(target.fsPath, 'utf8'));
      assert.match(text, /^ {4}license: MIT # from the card's license: mit$/m);
      assert.match(
        text,
        /^ {4}- name: HuggingFaceH4\/ultrachat_200k # from the card's datasets\n {6}kind: public\n {6}location: https:\/\/huggingface\.co\/datasets\/HuggingFaceH4\/ultrachat_200k$/m,
      );
      assert.match(text, /^ {2}# from the card's base_model: mistralai\/Mistral-7B-v0\.1/m);

      const diagnostics = await waitForDiagnostics(target, 'the placeholder warnings', (ds) =>
        ds.some((d) => codeOf(d) === 'osaid/empty'),
      );
      const problems = diagnostics.filter(
        (d) => d.severity === vscode.DiagnosticSeverity.Error || d.severity === vscode.DiagnosticSeverity.Warning,
      );
      assert.deepEqual(
        [...new Set(problems.map(codeOf))],
        ['osaid/empty'],
        'an MIT card makes a manifest whose only problems are its TODOs to fill in',
      );
      const todos = text.split('\n').filter((l) => /:\s*TODO\s*$/.test(l)).length;
      assert.equal(diagnostics.filter((d) => codeOf(d) === 'osaid/empty').length, todos, 'one per TODO');
    },
  );

  it('a Hub metadata mistake: a squiggle, and its quick fix clears it', async () => {
    const card = await freshCopy(
      'upper/README.md',
      '---\nlicense: MIT\npipeline_tag: text-generation\n---\n\n# A model\n',
    );
    await openAndDiagnose(card);
    const diagnostics = await waitForDiagnostics(card, 'hf/license-id', (ds) =>
      ds.some((d) => codeOf(d) === 'hf/license-id'),
    );
    const squiggle = diagnostics.find((d) => codeOf(d) === 'hf/license-id')!;
    assert.deepEqual(
      [
        squiggle.range.start.line,
        squiggle.range.start.character,
        squiggle.range.end.line,
        squiggle.range.end.character,
      ],
      [1, 9, 1, 12],
    );
    const fixes = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      card,
      squiggle.range,
      vscode.CodeActionKind.QuickFix.value,
    );
    const fix = fixes.find((a) => a.title === 'Change to `mit`');
    assert.ok(fix?.edit, `a fix to the Hub id; got ${JSON.stringify(fixes.map((a) => a.title))}`);
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    assert.equal((await vscode.workspace.openTextDocument(card)).lineAt(1).text, 'license: mit');
    await waitForDiagnostics(card, 'no hf/license-id', (ds) => !ds.some((d) => codeOf(d) === 'hf/license-id'));
  });

  it(
    'the command on the active card, and again over an existing osai.yaml ' +
      '(forced): a restricted license is an error there',
    async () => {
      const card = await freshCopy(
        'llama/README.md',
        '---\nlicense: other\nlicense_name: llama3\nlicense_link: LICENSE\n---\n\n# My Llama 3 fine-tune\n',
      );
      await openAndDiagnose(card);
      const target = besides(card);
      const created = await vscode.commands.executeCommand<vscode.Uri | undefined>(COMMAND);
      assert.equal(created?.toString(), target.toString(), 'without an argument, the command uses the active editor');
      let diagnostics = await waitForDiagnostics(target, 'license/restricted', (ds) =>
        ds.some((d) => codeOf(d) === 'license/restricted'),
      );
      const restricted = diagnostics.find((d) => codeOf(d) === 'license/restricted')!;
      assert.equal(restricted.severity, vscode.DiagnosticSeverity.Error);
      assert.match(
        readFileSync(target.fsPath, 'utf8'),
        /^ {4}license: llama3 # from the card's license_name: llama3 \(license: other\)$/m,
      );

      // The card changes in its editor (what the server reads: the editor's text, saved or not);
      // the open osai.yaml is replaced (the test forces what the user confirms in a dialog).
      const cardDocument = await vscode.workspace.openTextDocument(card);
      const edit = new vscode.WorkspaceEdit();
      edit.replace(
        card,
        new vscode.Range(0, 0, cardDocument.lineCount, 0),
        '---\nlicense: apache-2.0\n---\n\n# My fine-tune\n',
      );
      assert.equal(await vscode.workspace.applyEdit(edit), true);
      await cardDocument.save();
      const again = await vscode.commands.executeCommand<vscode.Uri | undefined>(COMMAND, card, { overwrite: true });
      assert.equal(again?.toString(), target.toString());
      assert.match(
        readFileSync(target.fsPath, 'utf8'),
        /^ {4}license: Apache-2\.0 # from the card's license: apache-2\.0$/m,
      );
      diagnostics = await waitForDiagnostics(
        target,
        'no license error any more',
        (ds) => ds.length > 0 && !ds.some((d) => codeOf(d) === 'license/restricted'),
      );
      assert.deepEqual(
        diagnostics
          .filter((d) => d.severity === vscode.DiagnosticSeverity.Error && codeOf(d) !== 'osaid/empty')
          .map(brief),
        [],
        'no error but the placeholders to fill in',
      );
      assert.equal(
        vscode.window.activeTextEditor?.document.getText(),
        readFileSync(target.fsPath, 'utf8'),
        'the open editor shows the new text',
      );
    },
  );

  it('a Markdown file that is no model card: nothing is written', async () => {
    const notes = await freshCopy('notes/README.md', '# Notes\n\nNothing to see.\n');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(notes));
    const created = await vscode.commands.executeCommand<vscode.Uri | undefined>(COMMAND, notes);
    assert.equal(created, undefined);
    assert.ok(!existsSync(besides(notes).fsPath), 'no osai.yaml beside it');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      notes,
      new vscode.Range(0, 0, 0, 0),
      vscode.CodeActionKind.Source.value,
    );
    assert.ok(!actions.some((a) => a.title === TITLE), 'and no action offers it');
  });
});
